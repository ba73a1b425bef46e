// The webview's one script (run under the page's nonce): it only adds to a page that is complete
// without it. It sorts tables by a clicked heading, shows a themed tooltip for a chart's bars, and
// turns rows and bars into links: a click posts { command: 'reveal', source, line }, the "lines"
// button (or a click on a bar with no line) posts { command: 'filter', source, query }. It reads
// the values from the data attributes the page carries; the extension checks them before use.
// Clicks and keys are heard once for the whole page, and the rows (up to a thousand in one table)
// get their focus, hint and button after the first paint, so the page shows as soon as it is drawn.

export const WEBVIEW_SCRIPT = String.raw`(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  function place(element) {
    var source = Number(element.getAttribute('data-source'));
    var line = Number(element.getAttribute('data-line'));
    return { source: Number.isInteger(source) && source >= 0 ? source : 0, line: element.hasAttribute('data-line') && Number.isInteger(line) && line >= 0 ? line : undefined };
  }
  function reveal(element) {
    var at = place(element);
    if (at.line !== undefined) vscode.postMessage({ command: 'reveal', source: at.source, line: at.line });
    else filter(element);
  }
  function filter(element) {
    var query = element.getAttribute('data-query');
    if (query) vscode.postMessage({ command: 'filter', source: place(element).source, query: query });
  }
  function sortKey(cell) {
    var value = cell.getAttribute('data-sort');
    return value !== null ? Number(value) : cell.textContent.trim().toLowerCase();
  }
  function sort(heading) {
    var table = heading.closest('table');
    var headings = table.querySelectorAll('thead th');
    var column = Array.prototype.indexOf.call(headings, heading);
    var ascending = heading.getAttribute('aria-sort') !== 'ascending';
    headings.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
    heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
      var order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    var rowsInOrder = document.createDocumentFragment();
    rows.forEach(function (row) { rowsInOrder.appendChild(row); });
    body.appendChild(rowsInOrder);
  }
  var HEADING = 'table.sortable thead th';
  var BAR = 'svg.mf-chart rect[data-line], svg.mf-chart rect[data-query]';
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var button = target.closest('button.lines');
    var heading = target.closest(HEADING);
    var row = target.closest('tr.link');
    var bar = target.closest(BAR);
    if (button && row) filter(row);
    else if (heading) sort(heading);
    else if (row) reveal(row);
    else if (bar) { if (event.altKey) filter(bar); else reveal(bar); }
  });
  document.addEventListener('keydown', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (event.key !== 'Enter' || !target) return;
    if (target.matches(HEADING)) sort(target);
    else if (target.matches('tr.link')) reveal(target);
  });
  var tooltip = document.createElement('div');
  tooltip.className = 'tooltip';
  tooltip.hidden = true;
  document.body.appendChild(tooltip);
  document.querySelectorAll('svg.mf-chart rect').forEach(function (bar) {
    var title = bar.querySelector('title');
    if (!title) return;
    var text = title.textContent;
    title.remove();
    bar.addEventListener('mousemove', function (event) {
      tooltip.textContent = text;
      tooltip.hidden = false;
      tooltip.style.left = Math.min(event.clientX + 12, window.innerWidth - tooltip.offsetWidth - 4) + 'px';
      tooltip.style.top = (event.clientY + 14) + 'px';
    });
    bar.addEventListener('mouseleave', function () { tooltip.hidden = true; });
  });
  document.querySelectorAll(HEADING).forEach(function (heading) {
    heading.setAttribute('aria-sort', 'none');
    heading.tabIndex = 0;
  });
  function decorateRows() {
    document.querySelectorAll('tr.link').forEach(function (row) {
      row.tabIndex = 0;
      row.title = row.hasAttribute('data-line') ? 'Click to show this line in the editor' : 'Click to show the lines of this row';
      if (row.hasAttribute('data-query') && row.hasAttribute('data-line')) {
        var button = document.createElement('button');
        button.className = 'lines';
        button.textContent = 'all lines';
        button.title = 'Filter Lines: every line of this row';
        row.lastElementChild.appendChild(button);
      }
    });
  }
  // The frame after the first: requestAnimationFrame runs before a paint, the timeout after it.
  requestAnimationFrame(function () { setTimeout(decorateRows, 0); });
})();`;
