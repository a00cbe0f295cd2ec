/**
 * When the server process starts and stops: one job at a time, in the order asked.
 *
 * A forced restart ("gxlint: Restart Server", a new workspace folder) always starts a new process.
 * A settings change, and the end of the one-click set-up, only ask that a server runs with the
 * current settings ({@link Lifecycle.ensureStarted}): the set-up writes gxlint.interpreter, whose
 * change event asks too, and the server must start once — two starts in a row stopped the first
 * process while it was still initialising (seen in a real VS Code: pygls then fails its shutdown).
 */
export interface LifecycleOps {
    /** Starts the server (it may not start: gxlint not found, disabled, failed). */
    start(): Promise<void>;
    /** Stops the running server, if any. */
    stop(): Promise<void>;
    running(): boolean;
    /** The settings a process is started from (enable, path, interpreter), as one string. */
    settingsKey(): string;
}

export class Lifecycle {
    private queue: Promise<unknown> = Promise.resolve();
    private startedWith: string | undefined;

    constructor(private readonly ops: LifecycleOps) {}

    /** Stops the server and starts a new one. */
    restart(): Promise<void> {
        return this.enqueue(async () => {
            await this.ops.stop();
            await this.startNow();
        });
    }

    /** Starts the server unless it already runs with the current settings; says whether it (re)started
     * one (false: the settings that count are unchanged — e.g. a User value a Remote or Workspace
     * value overrides — and nothing was done). */
    ensureStarted(): Promise<boolean> {
        return this.enqueue(async () => {
            if (this.ops.running() && this.startedWith === this.ops.settingsKey()) {
                return false;
            }
            await this.ops.stop();
            await this.startNow();
            return true;
        });
    }

    stop(): Promise<void> {
        return this.enqueue(async () => {
            await this.ops.stop();
            this.startedWith = undefined;
        });
    }

    private async startNow(): Promise<void> {
        const key = this.ops.settingsKey();
        this.startedWith = undefined;
        await this.ops.start();
        this.startedWith = this.ops.running() ? key : undefined;
    }

    private enqueue<T>(job: () => Promise<T>): Promise<T> {
        const next = this.queue.then(job, job);
        this.queue = next.catch(() => undefined);
        return next;
    }
}

/**
 * When a start that finds no gxlint offers the set-up ("gxlint was not found…"): once — the
 * restarts a settings change or a new folder makes do not ask again — until the user runs
 * "gxlint: Restart Server" (after a failed set-up, a dismissed question, or gxlint removed
 * later); never two notifications at once.
 */
export class NotFoundNotice {
    private shown = false;
    private open = false;

    /** A start found no gxlint: whether to offer the set-up now (then call {@link closed} when it ends). */
    take(): boolean {
        if (this.shown || this.open) {
            return false;
        }
        this.shown = true;
        this.open = true;
        return true;
    }

    /** The question was answered or dismissed, or the set-up it started ended. */
    closed(): void {
        this.open = false;
    }

    /** The user asked for a restart, or gxlint was found: the next start without it asks again. */
    reset(): void {
        this.shown = false;
    }
}
