// PowerShell parsing for the snippet tests: the tree-sitter-powershell grammar (its .wasm build from
// the npm package) run by web-tree-sitter. Nothing is fetched at run time.
import { Language, type Node, Parser } from 'web-tree-sitter';

export interface SyntaxIssue {
  readonly kind: 'ERROR' | 'MISSING';
  /** 1-based line and column in the parsed text. */
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

export interface CommandUse {
  /** The command name as written (`Get-MessageTrackingLog`). */
  readonly name: string;
  /** Named parameters given to this command, without the dash or a trailing `:` (`Confirm` for `-Confirm:$false`). */
  readonly parameters: readonly string[];
  /** The text of each parameter's argument, by parameter (the next element, when it is not another parameter). */
  readonly arguments: ReadonlyMap<string, string>;
  readonly line: number;
}

export interface PowerShellParse {
  readonly issues: readonly SyntaxIssue[];
  readonly commands: readonly CommandUse[];
}

let loading: Promise<Parser> | undefined;

async function load(): Promise<Parser> {
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** The shared parser, loaded once. */
export function powershellParser(): Promise<Parser> {
  return (loading ??= load());
}

function collect(node: Node, issues: SyntaxIssue[], commands: CommandUse[]): void {
  if (node.isError || node.isMissing) {
    issues.push({
      kind: node.isMissing ? 'MISSING' : 'ERROR',
      line: node.startPosition.row + 1,
      column: node.startPosition.column + 1,
      text: node.isMissing ? node.type : node.text.slice(0, 80),
    });
  }
  if (node.type === 'command') commands.push(commandUse(node));
  for (const child of node.children) {
    if (child) collect(child, issues, commands);
  }
}

function commandUse(node: Node): CommandUse {
  const name = node.childForFieldName('command_name')?.text ?? '';
  const elements = node.childForFieldName('command_elements');
  const parameters: string[] = [];
  const args = new Map<string, string>();
  const children = (elements?.children ?? []).filter((c): c is Node => c !== null && c.type !== 'command_argument_sep');
  children.forEach((child, i) => {
    if (child.type !== 'command_parameter') return;
    const parameter = child.text.replace(/^-/, '').replace(/:$/, '');
    parameters.push(parameter);
    const next = children[i + 1];
    if (next && next.type !== 'command_parameter') args.set(parameter, next.text);
  });
  return { name, parameters, arguments: args, line: node.startPosition.row + 1 };
}

/** Parses PowerShell text and lists its syntax errors and the commands it runs. */
export async function parsePowerShell(text: string): Promise<PowerShellParse> {
  const parser = await powershellParser();
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const issues: SyntaxIssue[] = [];
    const commands: CommandUse[] = [];
    collect(tree.rootNode, issues, commands);
    return { issues, commands };
  } finally {
    tree.delete();
  }
}
