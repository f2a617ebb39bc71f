import { Injectable, Logger } from '@nestjs/common';
import { CampaignsService } from '@roundtable/campaigns';
import { EventsService, VenuesService, type CreateVenueDto } from '@roundtable/events';
import { Clock, londonLocalToUtc } from '@roundtable/platform';
import { InvitationsService, RegistrationsService, type RegisterDto } from '@roundtable/registrations';
import { DateTime } from 'luxon';
import { demoEventDates } from './demo-dates';
import { DemoTestimony } from './demo-testimony';

const DEMO_VENUES: CreateVenueDto[] = [
  {
    name: 'Halesowen Library',
    address: 'Queensway, Halesowen',
    postcode: 'B63 4AZ',
    area: 'halesowen-north',
    capacity: 40,
    accessFeatures: ['step_free_access', 'accessible_toilet', 'hearing_loop', 'near_public_transport'],
  },
  {
    name: 'Cradley Community Centre',
    address: 'Colley Lane, Cradley',
    postcode: 'B63 2TN',
    area: 'cradley-and-wollescote',
    capacity: 80,
    accessFeatures: ['step_free_access', 'accessible_toilet', 'quiet_room', 'parking'],
  },
  {
    name: 'Hayley Green Methodist Church Hall',
    address: 'Hagley Road, Hayley Green',
    postcode: 'B63 1DT',
    area: 'hayley-green-and-cradley-south',
    capacity: 60,
    accessFeatures: ['step_free_access', 'parking'],
  },
  {
    name: 'Dudley Council House, Committee Room 2',
    address: 'Priory Road, Dudley',
    postcode: 'DY1 1HF',
    area: 'dudley',
    capacity: 30,
    accessFeatures: ['step_free_access', 'accessible_toilet', 'hearing_loop', 'bsl_on_request'],
  },
  {
    name: 'Sandwell Council House, Oldbury',
    address: 'Freeth Street, Oldbury',
    postcode: 'B69 3DE',
    area: 'sandwell',
    capacity: 100,
    accessFeatures: ['step_free_access', 'accessible_toilet', 'hearing_loop', 'near_public_transport'],
  },
  {
    name: 'Walsall Arboretum Lodge',
    address: 'Lichfield Street, Walsall',
    postcode: 'WS1 1TJ',
    area: 'walsall',
    capacity: 25,
    accessFeatures: ['quiet_room', 'parking'],
  },
];

interface DemoEvent {
  title: string;
  kind: 'listening_event' | 'roundtable';
  description: string;
  venue: number | null;
  daysFromNow: number;
  start: string;
  end: string;
  onlineUrl?: string;
  publish: boolean;
}

const DEMO_EVENTS: DemoEvent[] = [
  {
    title: 'Waiting for an EHC plan: a listening event for Halesowen families',
    kind: 'listening_event',
    description:
      'Tell us what waiting for an education, health and care plan has been like for your family. Come for as long as you can; children are welcome.',
    venue: 0,
    daysFromNow: 10,
    start: '10:00',
    end: '12:00',
    publish: true,
  },
  {
    title: 'Autism and ADHD assessments: parents and carers listening event',
    kind: 'listening_event',
    description:
      'An evening session for parents and carers waiting for neurodevelopmental assessments or CAMHS support.',
    venue: 1,
    daysFromNow: 17,
    start: '18:30',
    end: '20:30',
    onlineUrl: 'https://meet.example.org/roundtable-assessments',
    publish: true,
  },
  {
    title: 'SEND school places roundtable with headteachers and SENCOs',
    kind: 'roundtable',
    description:
      'Headteachers, SENCOs and council officers discuss specialist places from early years to post-16.',
    venue: 3,
    daysFromNow: 24,
    start: '14:00',
    end: '16:00',
    publish: true,
  },
  {
    title: 'Online listening event: tribunals and appeals',
    kind: 'listening_event',
    description: 'For families who have been to, or are preparing for, a SEND tribunal.',
    venue: null,
    daysFromNow: 31,
    start: '19:00',
    end: '20:15',
    onlineUrl: 'https://meet.example.org/roundtable-tribunals',
    publish: true,
  },
  {
    title: 'Post-16 transitions roundtable (draft)',
    kind: 'roundtable',
    description: 'Colleges, young people and carers on the move from school to college and adult services.',
    venue: 4,
    daysFromNow: 45,
    start: '11:00',
    end: '13:00',
    publish: false,
  },
];

/** Made-up people at example.org (a domain that receives no mail): the mail catcher keeps it all. */
const DEMO_INVITED = [
  { name: 'Priya Demo', email: 'priya.demo@example.org' },
  { name: 'Tom Demo', email: 'tom.demo@example.org' },
];

const DEMO_REGISTERED: RegisterDto[] = [
  {
    name: 'Aisha Demo',
    email: 'aisha.demo@example.org',
    role: 'parent_carer',
    accessNeeds: ['step_free'],
    companions: 1,
    phone: '07700 900456',
  },
  {
    name: 'Gareth Demo',
    email: 'gareth.demo@example.org',
    role: 'parent_carer',
    accessNeeds: ['bsl_interpreter', 'childcare'],
    accessNotes: 'Two children, aged 4 and 7.',
  },
  { name: 'Morgan Demo', email: 'senco.demo@example.org', role: 'educator', accessNeeds: [] },
];

/** Venues across Halesowen and the Black Country and a few upcoming events, so a newcomer sees a working app. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly venues: VenuesService,
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly registrations: RegistrationsService,
    private readonly campaigns: CampaignsService,
    private readonly testimony: DemoTestimony,
    private readonly clock: Clock,
  ) {}

  /** Seeds once: a database that already has venues is left alone. */
  async seed(): Promise<boolean> {
    const existing = await this.venues.list({ limit: 1, offset: 0 });
    if (existing.total > 0) return false;
    const venues = [];
    for (const venue of DEMO_VENUES) venues.push(await this.venues.create(venue));
    const today = DateTime.fromJSDate(this.clock.now(), { zone: 'Europe/London' });
    const campaign = await this.campaigns.create({
      title: 'SEND in the Black Country: listening to families',
      summary:
        'Our MP is asking parents, carers, young people and educators across Halesowen and the Black Country what getting support for special educational needs and disabilities (SEND) is really like.',
      startsOn: today.minus({ days: 30 }).toISODate()!,
      endsOn: today.plus({ days: 90 }).toISODate()!,
      evidenceUse:
        'Only the office’s staff read what you tell us. With your permission, we quote your words without your name in a report our MP sends to the council and the Department for Education. We keep what you tell us for 24 months, then erase it.',
    });
    await this.campaigns.publish(campaign.id);
    const eventIds: string[] = [];
    const dates = demoEventDates(
      today,
      DEMO_EVENTS.map((demo) => demo.daysFromNow),
    );
    for (const [index, demo] of DEMO_EVENTS.entries()) {
      const date = dates[index];
      const event = await this.events.create(
        {
          title: demo.title,
          kind: demo.kind,
          description: demo.description,
          startsAt: this.utc(date, demo.start),
          endsAt: this.utc(date, demo.end),
          venueId: demo.venue === null ? null : venues[demo.venue].id,
          onlineUrl: demo.onlineUrl ?? null,
          campaignId: campaign.id,
        },
        null,
      );
      if (demo.publish) await this.events.publish(event.id);
      eventIds.push(event.id);
    }
    // People for the first event, so the mail catcher shows an invitation and confirmations (with
    // their calendar invites) as soon as the worker starts, and staff pages have someone to show.
    const [first] = eventIds;
    await this.invitations.invite(first, DEMO_INVITED);
    for (const person of DEMO_REGISTERED) await this.registrations.register(first, person);
    const stories = await this.testimony.seed(campaign.id, first);
    this.logger.log(
      `Seeded a campaign, ${venues.length} venues, ${DEMO_EVENTS.length} events, ${DEMO_INVITED.length} invitations, ${DEMO_REGISTERED.length} registrations and ${stories} testimonies`,
    );
    return true;
  }

  private utc(date: string, time: string): string {
    const result = londonLocalToUtc(date, time);
    if (!result.ok) throw new Error(`demo time ${date} ${time} ${result.message}`);
    return result.utc.toISOString();
  }
}
