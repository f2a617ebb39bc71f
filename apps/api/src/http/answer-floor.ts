import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { AppConfig } from '@roundtable/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { catchError, concatMap, type Observable } from 'rxjs';

/**
 * Public answers that must not tell, by how long they took, whether an address already has a
 * registration (registering, "send me my link again"). Their bodies are the same either way, but
 * the work is not: a new address inserts a registration, a known one counts its link emails and
 * plans one. So each such answer waits until PUBLIC_ANSWER_FLOOR_MS after the request began,
 * which is well above the difference (tens of milliseconds when measured), and both kinds
 * leave at the floor.
 */
@Injectable()
export class AnswerFloor {
  private readonly floorMs: number;

  constructor(config: AppConfig) {
    this.floorMs = config.get('PUBLIC_ANSWER_FLOOR_MS');
  }

  /** Starts the clock; the function it returns resolves once the floor has passed. */
  start(): () => Promise<void> {
    const until = performance.now() + this.floorMs;
    return async () => {
      const left = until - performance.now();
      if (left > 0) await sleep(left);
    };
  }
}

/** AnswerFloor for a JSON route: its answer, or its error, leaves no sooner than the floor. */
@Injectable()
export class AnswerFloorInterceptor implements NestInterceptor {
  constructor(private readonly floor: AnswerFloor) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    const floorPassed = this.floor.start();
    return next.handle().pipe(
      concatMap(async (value) => {
        await floorPassed();
        return value;
      }),
      catchError(async (error: unknown) => {
        await floorPassed();
        throw error;
      }),
    );
  }
}
