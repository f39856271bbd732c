import { EventEmitter } from 'node:events'

/**
 * Lets a request nudge this process's background loops ("an email was queued", "an import was
 * confirmed") instead of waiting for their next poll. Only a hint: a loop in another process
 * still finds the work on its next poll, since the work itself is in the database.
 */
const bell = new EventEmitter()
bell.setMaxListeners(50)

export type Topic = 'outbox' | 'imports'

export function wake(topic: Topic): void {
  bell.emit(topic)
}

/** Resolves after `ms`, or sooner when `topic` is woken, or when `signal` aborts. */
export function sleep(ms: number, { topic, signal }: { topic?: Topic; signal?: AbortSignal } = {}) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      if (topic) bell.off(topic, done)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    timer.unref()
    if (topic) bell.once(topic, done)
    signal?.addEventListener('abort', done, { once: true })
  })
}
