import type { EventEntity } from '@roundtable/events';
import { OFFICE } from '../../../notifications/src/test-support/notification-fixtures';
import { invitationSample, SAMPLE_LINK_TOKEN } from './invitation-sample';

const event = {
  id: '6f1d8e52-4a43-4c3b-9d0f-5a1e2b3c4d5e',
  title: 'Post-16 places: a roundtable',
  description: 'What happens after school.',
  startsAt: new Date('2026-03-20T18:30:00Z'),
  endsAt: new Date('2026-03-20T20:00:00Z'),
  status: 'published',
  sequence: 1,
  venue: {
    name: 'Cradley Community Centre',
    address: 'Colley Lane',
    postcode: 'B63 2TN',
    accessFeatures: [],
  },
  onlineUrl: null,
} as unknown as EventEntity;

const context = {
  office: OFFICE,
  publicUrl: 'https://roundtable.example.org/',
  cohosts: ['Halesowen Parent Carer Forum'],
  invitedBy: null,
  now: new Date('2026-03-02T10:00:00Z'),
};

describe('invitationSample', () => {
  it('is the invitation the person would get, with stand-in private links', () => {
    const sample = invitationSample(event, { name: 'Sam Jones', email: 'sam@example.org' }, context);
    expect(sample.to).toBe('sam@example.org');
    expect(sample.subject).toMatch(/^Invitation: Post-16 places: a roundtable, /);
    expect(sample.text).toContain('Sam Jones');
    expect(sample.text).toContain('Halesowen Constituency Office would like to invite you');
    expect(sample.text).toContain('Halesowen Parent Carer Forum');
    expect(sample.text).toContain(`https://roundtable.example.org/manage/${SAMPLE_LINK_TOKEN}/accept`);
    expect(sample.html).toContain('You are invited: Post-16 places: a roundtable');
  });

  it('names the partner that invites, and escapes what people typed in the HTML', () => {
    const sample = invitationSample(
      { ...event, title: 'Tea & <b>talk</b>' } as EventEntity,
      { name: '', email: 'kit@example.org' },
      { ...context, invitedBy: 'Dudley Carers' },
    );
    expect(sample.text).toContain('Dudley Carers invited you');
    expect(sample.html).toContain('Tea &amp; &lt;b&gt;talk&lt;/b&gt;');
    expect(sample.html).not.toContain('<b>talk</b>');
  });
});
