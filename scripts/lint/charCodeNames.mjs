// An ESLint rule: a variable that holds `charCodeAt(...)` is compared with CharCode members, not bare
// numbers. no-restricted-syntax catches the direct `text.charCodeAt(i) === 45`; this rule follows the
// value into `const c = text.charCodeAt(i)`, the scanners' usual shape, which a selector cannot.

const comparisons = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=']);

const isCharCodeCall = (node) =>
  node?.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.name === 'charCodeAt';

const isBareNumber = (node) => node?.type === 'Literal' && typeof node.value === 'number';

/** @type {import('eslint').Rule.RuleModule} */
export const charCodeNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Compare character codes read with charCodeAt with CharCode members, not bare numbers.' },
    schema: [],
    messages: { bare: 'Name the character: compare {{name}} with a CharCode member (server/src/common/charCode.ts), not a bare number.' },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const report = (node, name) => context.report({ node, messageId: 'bare', data: { name } });
    return {
      VariableDeclarator(declarator) {
        if (declarator.id.type !== 'Identifier' || !isCharCodeCall(declarator.init)) return;
        for (const variable of sourceCode.getDeclaredVariables(declarator)) {
          // A variable that is later given something other than a character code is not one.
          const writes = variable.references.filter((reference) => reference.isWrite());
          if (!writes.every((reference) => isCharCodeCall(reference.writeExpr))) continue;
          for (const reference of variable.references) {
            if (!reference.isRead()) continue;
            const read = reference.identifier;
            const parent = read.parent;
            if (parent.type === 'BinaryExpression' && comparisons.has(parent.operator)) {
              const other = parent.left === read ? parent.right : parent.left;
              if (isBareNumber(other)) report(other, variable.name);
            } else if (parent.type === 'SwitchStatement' && parent.discriminant === read) {
              for (const switchCase of parent.cases) if (isBareNumber(switchCase.test)) report(switchCase.test, variable.name);
            }
          }
        }
      },
    };
  },
};
