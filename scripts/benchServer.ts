// The built language server over stdio for the bench, with the answers an editor gives it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

interface Published { readonly version: number | undefined; readonly count: number }

export class LspSession {
  private readonly server = spawn(process.execPath, [resolve('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  readonly connection = createMessageConnection(new StreamMessageReader(this.server.stdout!), new StreamMessageWriter(this.server.stdin!));
  private readonly listeners = new Map<string, (published: Published) => void>();

  async start(): Promise<void> {
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: unknown[] }) => {
      this.listeners.get(params.uri)?.({ version: params.version, count: params.diagnostics.length });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ hover: { detail: 'full' }, diagnostics: { enable: true, maxProblems: 1000 } })));
    this.connection.listen();
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
    void this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the number of problems when diagnostics of `uri` (of `version`, when given) are published. */
  diagnosticsOf(uri: string, version?: number): Promise<number> {
    return new Promise((done) => this.listeners.set(uri, (p) => { if (version === undefined || p.version === version) done(p.count); }));
  }

  /** Milliseconds from sending didOpen to receiving that document's diagnostics, and their number. */
  async openAndWait(uri: string, text: string, languageId = 'exchange-tracking-log'): Promise<{ ms: number; count: number }> {
    const published = this.diagnosticsOf(uri, 1);
    const start = performance.now();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const count = await published;
    return { ms: performance.now() - start, count };
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Peak and current resident memory of the server process, in MB (Linux /proc). */
  memory(): { peak: number; now: number } {
    const status = readFileSync(`/proc/${this.server.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    void this.connection.sendNotification('exit');
    await new Promise((done) => this.server.once('exit', done));
    this.connection.dispose();
  }
}
