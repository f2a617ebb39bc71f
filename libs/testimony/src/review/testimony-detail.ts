import type { TestimonySummary } from './testimony-summary';
import type { Testimony } from '../testimonies/testimony.entity';

/** A staff note, opened, with who wrote it (null once their account is gone). */
export interface OpenedNote {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: Date;
}

/** One testimony opened for a member of staff: everything, decrypted. Each one is an audited read. */
export interface TestimonyDetail extends TestimonySummary {
  story: string;
  redactedStory: string | null;
  name: string | null;
  email: string | null;
  notes: OpenedNote[];
  answers: Pick<
    Testimony,
    'assessmentWaitWeeks' | 'planWaitWeeks' | 'deadline' | 'tribunal' | 'ageBand' | 'schoolPhase'
  >;
  enteredById: string | null;
  flaggedAt: Date | null;
  updatedAt: Date;
}
