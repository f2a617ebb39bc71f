import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FieldCipher,
  REDACTED_STORY_SEALED,
  Testimony,
  TestimonyWriter,
  type NewTestimony,
} from '@roundtable/testimony';
import { DataSource } from 'typeorm';

type DemoStory = Omit<NewTestimony, 'themeIds' | 'source'> & {
  themes: string[];
  /** Staff's redaction, and whether they chose it as a quote. */
  redacted?: string;
};

const NO_ANSWERS = {
  assessmentWaitWeeks: null,
  planWaitWeeks: null,
  deadline: null,
  tribunal: null,
  ageBand: null,
  schoolPhase: null,
} as const;

const NO_EXTRA_CONSENT = { contactConsent: false, shareWithAuthority: false, caseworkRequested: false };

/** Made-up stories, so the review pages and the evidence report show something on first start. */
const DEMO_STORIES: DemoStory[] = [
  {
    role: 'parent-carer',
    area: 'halesowen-north',
    onBehalfOfYoungPerson: false,
    ...NO_ANSWERS,
    assessmentWaitWeeks: 18,
    planWaitWeeks: 41,
    deadline: 'missed',
    ageBand: '5-10',
    schoolPhase: 'primary',
    quoteConsent: 'quote-anonymously',
    ...NO_EXTRA_CONSENT,
    story:
      'We asked for an assessment for our son Danny in September. The plan came forty-one weeks later, after his teacher at St Margaret’s had given up asking for help.',
    redacted:
      'We asked for an assessment for our son in September. The plan came forty-one weeks later, after his teacher had given up asking for help.',
    themes: ['ehc-plan-delays', 'support-in-school'],
  },
  {
    role: 'parent-carer',
    area: 'cradley-and-wollescote',
    onBehalfOfYoungPerson: false,
    ...NO_ANSWERS,
    assessmentWaitWeeks: 26,
    planWaitWeeks: 30,
    deadline: 'missed',
    tribunal: 'won',
    ageBand: '11-15',
    schoolPhase: 'secondary',
    quoteConsent: 'quote-anonymously',
    ...NO_EXTRA_CONSENT,
    contactConsent: true,
    story:
      'We won at tribunal, but it took a year of letters and my savings. No family should have to fight like that to get a school place.',
    redacted:
      'We won at tribunal, but it took a year of letters and my savings. No family should have to fight like that to get a school place.',
    themes: ['tribunals-appeals', 'school-places'],
  },
  {
    role: 'young-person',
    area: 'dudley',
    onBehalfOfYoungPerson: false,
    ...NO_ANSWERS,
    ageBand: '16-18',
    schoolPhase: 'post-16',
    quoteConsent: 'count-only',
    ...NO_EXTRA_CONSENT,
    story: 'Nobody told me what happens to my support when I leave college next year.',
    themes: ['transition-to-adulthood'],
  },
  {
    role: 'teacher-ta',
    area: 'sandwell',
    onBehalfOfYoungPerson: false,
    ...NO_ANSWERS,
    quoteConsent: 'quote-anonymously',
    ...NO_EXTRA_CONSENT,
    story:
      'As a SENCO I have twelve children waiting for an assessment. Training for teaching assistants stopped two years ago.',
    themes: ['support-in-school', 'assessment-waits', 'funding'],
  },
  {
    role: 'parent-carer',
    area: 'walsall',
    onBehalfOfYoungPerson: true,
    ...NO_ANSWERS,
    assessmentWaitWeeks: 60,
    deadline: 'not-sure',
    ageBand: '11-15',
    schoolPhase: 'not-in-education',
    quoteConsent: 'office-only',
    ...NO_EXTRA_CONSENT,
    caseworkRequested: true,
    contactConsent: true,
    story:
      'My daughter has been out of school for five months on a part-time timetable and CAMHS have closed her referral.',
    themes: ['exclusion', 'camhs-mental-health'],
  },
  {
    role: 'parent-carer',
    area: 'hayley-green-and-cradley-south',
    onBehalfOfYoungPerson: false,
    ...NO_ANSWERS,
    planWaitWeeks: 19,
    deadline: 'met',
    ageBand: '0-4',
    schoolPhase: 'early-years',
    quoteConsent: 'quote-anonymously',
    ...NO_EXTRA_CONSENT,
    story: 'Our plan came on time, but the taxi to the specialist nursery still has not been arranged.',
    themes: ['transport', 'council-communication'],
  },
];

/** A few stories in the demo campaign: sealed like any other, two redacted and chosen as quotes. */
@Injectable()
export class DemoTestimony {
  constructor(
    private readonly writer: TestimonyWriter,
    private readonly cipher: FieldCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seed(campaignId: string, eventId: string): Promise<number> {
    const themes: Array<{ id: string; slug: string }> =
      await this.dataSource.query(`SELECT id, slug FROM themes`);
    const idOf = (slug: string) => themes.find((theme) => theme.slug === slug)!.id;
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.writer.insert(
        manager,
        DEMO_STORIES.map(({ themes: slugs, redacted: _, ...story }, index) => ({
          ...story,
          source: index === 3 ? 'staff' : 'public',
          campaignId,
          eventId: index === 3 ? eventId : null,
          themeIds: slugs.map(idOf),
        })),
      );
      for (const [index, story] of DEMO_STORIES.entries()) {
        if (!story.redacted) continue;
        await manager.getRepository(Testimony).update(ids[index], {
          redactedStory: REDACTED_STORY_SEALED.seal(this.cipher, ids[index], story.redacted),
          quoteSelected: true,
          status: 'included',
        });
      }
      return ids.length;
    });
  }
}
