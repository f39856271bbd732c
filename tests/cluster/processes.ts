import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

/**
 * Child processes of the cluster test: each one's output is kept line by line (for assertions,
 * and printed when something fails), and every process started here is stopped by `stopAll`.
 */

export type LogLine = { at: number; process: string; text: string }

export class ManagedProcess {
  readonly lines: LogLine[] = []
  readonly startedAt = Date.now()
  /** Set when the test itself signalled the process: its exit is no surprise. */
  stoppedByTest = false
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null
  private listeners = new Set<(line: LogLine) => void>()

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    echo: boolean,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      let partial = ''
      stream?.setEncoding('utf8')
      stream?.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n')
        partial = parts.pop() ?? ''
        for (const text of parts) this.record(text, echo)
      })
      stream?.on('end', () => {
        if (partial) this.record(partial, echo)
        partial = ''
      })
    }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal }
        this.record(`(exited: ${signal ?? `code ${code}`})`, echo)
        resolve(this.exit)
      })
      // A process that could not be started never exits: report it as exited.
      child.once('error', (error) => {
        this.record(`(could not start: ${error.message})`, echo)
        this.exit ??= { code: null, signal: null }
        resolve(this.exit)
      })
    })
  }

  get pid(): number {
    return this.child.pid ?? -1
  }

  get running(): boolean {
    return this.exit === null
  }

  /** How the process ended, for messages ("code 0", "SIGKILL"), or "running". */
  get exitDescription(): string {
    if (!this.exit) return 'running'
    return this.exit.signal ?? `code ${this.exit.code}`
  }

  private record(text: string, echo: boolean) {
    const line = { at: Date.now(), process: this.name, text: text.replace(/\r$/, '') }
    this.lines.push(line)
    if (echo) console.log(`  [${this.name}] ${line.text}`)
    for (const listener of this.listeners) listener(line)
  }

  /** Lines matching `pattern` so far. */
  matching(pattern: RegExp): LogLine[] {
    return this.lines.filter((line) => pattern.test(line.text))
  }

  /** Resolves with the first line (already printed or to come) that matches `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<LogLine> {
    const found = this.lines.find((line) => pattern.test(line.text))
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const done = (outcome: () => void) => {
        clearTimeout(timer)
        this.listeners.delete(listener)
        outcome()
      }
      const listener = (line: LogLine) => {
        if (pattern.test(line.text)) done(() => resolve(line))
      }
      const timer = setTimeout(
        () =>
          done(() =>
            reject(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms`)),
          ),
        timeoutMs,
      )
      this.listeners.add(listener)
      void this.exited.then(() =>
        done(() => reject(new Error(`${this.name} exited before printing ${pattern}`))),
      )
    })
  }

  /** Writes to the process's standard input. */
  send(text: string) {
    this.child.stdin?.write(text)
  }

  /** Sends a signal to this process only (never to a group), if it is still running. */
  signal(signal: NodeJS.Signals) {
    if (!this.running) return
    this.stoppedByTest = true
    this.child.kill(signal)
  }
}

export class ProcessGroup {
  private readonly processes: ManagedProcess[] = []

  constructor(private readonly echo = false) {}

  start(
    name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    { stdin = false }: { stdin?: boolean } = {},
  ): ManagedProcess {
    const child = spawn(command, args, {
      env,
      stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    })
    const managed = new ManagedProcess(name, child, this.echo)
    this.processes.push(managed)
    return managed
  }

  all(): readonly ManagedProcess[] {
    return this.processes
  }

  /** The process started here with this pid, or undefined: nothing else is ever signalled. */
  byPid(pid: number): ManagedProcess | undefined {
    return this.processes.find((member) => member.pid === pid)
  }

  /** Every captured line of every process, in arrival order. */
  lines(): LogLine[] {
    return this.processes.flatMap((member) => member.lines).sort((a, b) => a.at - b.at)
  }

  /** SIGTERM to every process still running, SIGKILL to those still there after `graceMs`. */
  async stopAll(graceMs = 8_000): Promise<void> {
    const running = this.processes.filter((member) => member.running)
    for (const member of running) member.signal('SIGTERM')
    const timeout = new Promise((resolve) => setTimeout(resolve, graceMs).unref())
    await Promise.race([Promise.all(running.map((member) => member.exited)), timeout])
    for (const member of running) member.signal('SIGKILL')
    await Promise.all(running.map((member) => member.exited))
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs, intervalMs = 200 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(intervalMs)
  }
}
