// Language detection by file name and header, using the manifest's own contributions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import manifest from '../../package.json';
import { correctedLogLanguage, languageFromLogHeader, languageOfFile } from '../../server/src/common/languages';

const languages = manifest.contributes.languages;
const TRACKING_HEADER = '\uFEFF#Software: Microsoft Exchange Server\r\n#Version: 15.02.1118.007\r\n#Log-type: Message Tracking Log\r\n';
const RECEIVE_HEADER = '#Software: Microsoft Exchange Server\n#Version: 15.02.1118.007\n#Log-type: SMTP Receive Protocol Log\n';

describe('document language', () => {
  it('tracking logs by name, every MSGTRK prefix, any case', () => {
    for (const name of ['MSGTRK20261123-1.LOG', 'MSGTRKM20261123-1.LOG', 'MSGTRKMA2026112310-1.LOG', 'MSGTRKMD2022091915-1.LOG', 'MSGTRKMS2022091915-1.LOG', 'msgtrk20261123-1.log', 'C:\\Logs\\MsgTrk20261123-2.Log']) {
      assert.equal(languageOfFile(name, '', languages), 'exchange-tracking-log', name);
    }
  });

  it('protocol logs by name', () => {
    for (const name of ['RECV2026112310-1.LOG', 'SEND20261123-1.LOG', '/var/tmp/recv2026112310-1.log']) {
      assert.equal(languageOfFile(name, '', languages), 'exchange-protocol-log', name);
    }
  });

  it('a name that only starts like an Exchange protocol log is not one (Exchange writes a date after RECV and SEND)', () => {
    // Synthetic names: a Sendmail log and a mail-sending script's log.
    assert.equal(languageOfFile('/var/log/sendmail-20261123.log', 'Nov 23 10:01:02 mx sm-mta[812]: x', languages), 'log');
    assert.equal(languageOfFile('SENDER.LOG', '', languages), 'log');
    assert.equal(languageOfFile('receive.log', '', languages), 'log');
  });

  it('the #Software first line claims any file; #Log-type says which kind', () => {
    assert.equal(languageOfFile('export.txt', TRACKING_HEADER, languages), 'exchange-tracking-log');
    assert.equal(languageOfFile('export.txt', RECEIVE_HEADER, languages), 'exchange-protocol-log');
    assert.equal(languageOfFile('MSGTRK20261123-1.LOG', RECEIVE_HEADER, languages), 'exchange-protocol-log');
  });

  it('.eml is email; other .log files stay with the built-in Log language; the rest is plain text', () => {
    assert.equal(languageOfFile('bounce.EML', 'Return-Path: <>', languages), 'email');
    assert.equal(languageOfFile('/var/log/app.log', 'Nov 23 10:01:02 mx app[1]: x', languages), 'log');
    assert.equal(languageOfFile('ndr.txt', 'Delivery has failed', languages), 'plaintext');
  });

  it('Exchange logs saved as .log or .txt are recognised by their first line', () => {
    assert.equal(languageOfFile('server1-tracking.log', TRACKING_HEADER, languages), 'exchange-tracking-log');
    assert.equal(languageOfFile('receive.txt', RECEIVE_HEADER, languages), 'exchange-protocol-log');
    assert.equal(correctedLogLanguage('log', TRACKING_HEADER, languages), 'exchange-tracking-log');
    assert.equal(correctedLogLanguage('plaintext', 'just text', languages), undefined);
    assert.equal(correctedLogLanguage('exchange-tracking-log', TRACKING_HEADER, languages), undefined);
    assert.equal(correctedLogLanguage('email', TRACKING_HEADER, languages), undefined);
  });

  it('reads #Log-type values', () => {
    assert.equal(languageFromLogHeader('#Log-type: SMTP Send Protocol Log'), 'exchange-protocol-log');
    assert.equal(languageFromLogHeader('#Log-type: Message Tracking Log'), 'exchange-tracking-log');
    assert.equal(languageFromLogHeader('#Log-type: Connectivity Log'), undefined);
    assert.equal(languageFromLogHeader('no header'), undefined);
  });
});
