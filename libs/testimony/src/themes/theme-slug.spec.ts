import { slugFromName } from './theme-slug';

describe('slugFromName', () => {
  it.each([
    ['EHC plan delays', 'ehc-plan-delays'],
    ['  CAMHS  and mental   health ', 'camhs-and-mental-health'],
    ['Équipe & CAMHS', 'equipe-camhs'],
    ['School places: early years to post-16', 'school-places-early-years-to-post-16'],
    ['Sam <script>alert(1)</script>', 'sam-script-alert-1-script'],
  ])('%j becomes %j', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it('is empty when no letter or digit survives', () => {
    expect(slugFromName('日本語')).toBe('');
    expect(slugFromName('—')).toBe('');
  });

  it('never ends in a dash when cut to length', () => {
    const slug = slugFromName(`${'a'.repeat(99)} b`);
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug.endsWith('-')).toBe(false);
  });
});
