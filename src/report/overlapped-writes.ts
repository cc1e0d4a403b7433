/**
 * Writes report files while the next one is being rendered. The disk write runs on libuv's
 * thread pool, so the main thread can render the next page meanwhile. At most one write is
 * in flight, so memory contains at most the content being written and the content being built.
 */
import { open, writeFile } from "node:fs/promises";

/** A writer whose `write` and `writeChunks` return once the previous write has finished. */
export class OverlappedWriter {
  private pending: Promise<unknown> = Promise.resolve();

  /** Waits for the write in flight, then starts writing `content` to `path` (UTF-8). */
  async write(path: string, content: string): Promise<void> {
    await this.pending;
    this.start(writeFile(path, content, "utf8"));
  }

  /**
   * Writes `chunks` to `path` in order; each chunk is produced while the one before it is
   * written. Returns when the last chunk has been written and the file closed.
   */
  async writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
    await this.pending;
    const file = await open(path, "w");
    try {
      for (const chunk of chunks) {
        await this.pending;
        this.start(file.write(chunk, null, "utf8"));
      }
      await this.pending;
    } finally {
      await file.close();
    }
  }

  /** Waits for the write in flight and raises its error, if any. */
  async finish(): Promise<void> {
    await this.pending;
  }

  /** Waits for the write in flight without raising, before the caller removes what it wrote. */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  private start(write: Promise<unknown>): void {
    // The error is raised by the next await of `pending`; this handler only keeps Node from
    // reporting it as unhandled while the next page renders.
    write.catch(() => undefined);
    this.pending = write;
  }
}
