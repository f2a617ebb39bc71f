import {
  calendarProblems,
  errorShapeProblem,
  markupProblems,
  VALID_INPUT_ACCEPTANCES,
  ValidInputRepeats,
} from '../../../../../test/support/hostile/hostile-check';
import { headerProblems } from '../../../../../test/support/hostile/mail-checks';
import { MARKUP_PAYLOADS, RawJson, serialiseJson } from '../../../../../test/support/hostile/hostile-values';

/**
 * The hostile-input suite's own checks, shown to fail on the defects they look for (a check
 * that cannot fail proves nothing) and to pass on what the app should produce.
 */
describe('the hostile-input checks', () => {
  const calendar = (inside: string) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      `X-WR-CALNAME:${inside}`,
      'BEGIN:VEVENT',
      'UID:one@roundtable.test',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:20260401T100000Z',
      'SUMMARY:Listening event',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');

  it('finds VEVENTs injected through an unescaped calendar name, and passes a clean calendar', () => {
    expect(calendarProblems(calendar('Listening event'))).toEqual([]);
    expect(calendarProblems(calendar('Listening event\\nEND:VEVENT'))).toEqual([]);
    const injected = calendar(
      'Listening event\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260401T100000Z\r\nSUMMARY:Pay your deposit',
    );
    expect(calendarProblems(injected)).toHaveLength(1);
    expect(calendarProblems('not a calendar')[0]).toMatch(/cannot parse|top-level|VEVENT/);
  });

  const message = (headers: string[]) => [...headers, '', 'Hello'].join('\r\n');

  it('finds a line break or an injected header in a mail header, and passes folded headers', () => {
    expect(
      headerProblems(
        message([
          'From: Office <office@roundtable.test>',
          'To: "Sam Jones" <sam@example.org>',
          'Subject: a long',
          ' folded subject',
        ]),
      ),
    ).toEqual([]);
    expect(headerProblems(message(['To: Sam Jones', 'Bcc: injected@evil.example']))).toEqual([
      'an injected header: "Bcc: injected@evil.example"',
    ]);
    expect(headerProblems(message(['Subject: Sam Jones\nX-Rt-Injected: yes']))).toHaveLength(1);
    expect(headerProblems(message(['Subject: fine', 'Pay your deposit at evil.example']))).toHaveLength(1);
  });

  it("finds the suite's markup unescaped in HTML, and passes it escaped", () => {
    expect(markupProblems(`<p>Sam ${MARKUP_PAYLOADS[0]}</p>`)).toEqual([`unescaped ${MARKUP_PAYLOADS[0]}`]);
    expect(markupProblems('<p>Sam &lt;script&gt;alert(&quot;rt-xss&quot;)&lt;/script&gt;</p>')).toEqual([]);
    expect(markupProblems('<a href="javascript:alert(1)">x</a>')).toEqual(['a javascript: link']);
  });

  it("tells API.md's error shape from other refusals", () => {
    const answer = (status: number, body: unknown, contentType = 'application/json; charset=utf-8') => ({
      status,
      contentType,
      text: JSON.stringify(body),
      body,
    });
    expect(
      errorShapeProblem(
        answer(400, { statusCode: 400, error: 'Bad Request', message: ['title must be text'] }),
      ),
    ).toBeUndefined();
    expect(
      errorShapeProblem(answer(400, { statusCode: 400, error: 'Bad Request', message: [] })),
    ).toBeDefined();
    expect(
      errorShapeProblem(answer(404, { statusCode: 404, error: 'Not Found', message: 'no' }, 'text/calendar')),
    ).toBeDefined();
  });

  it('writes raw JSON numbers and nesting verbatim into a body', () => {
    expect(serialiseJson({ capacity: new RawJson('1e400'), title: 'a"b' })).toBe(
      '{"capacity":1e400,"title":"a\\"b"}',
    );
    expect(serialiseJson(new RawJson('[[[]]]'))).toBe('[[[]]]');
  });

  it("skips a route's valid input once accepted often enough, and never a hostile one", () => {
    const valid = { path: { id: { ref: 'eventId' } }, fields: { title: 'Hi' }, rawSuffix: '' };
    const repeats = new ValidInputRepeats<object>(new Map([['POST /x', valid]]));
    const hostile = { ...valid, fields: { title: '<b>' } };
    for (let n = 0; n < VALID_INPUT_ACCEPTANCES; n += 1) {
      expect(repeats.enough('POST /x', structuredClone(valid))).toBe(false);
      repeats.accepted('POST /x', structuredClone(valid));
      repeats.accepted('POST /x', hostile);
    }
    expect(repeats.enough('POST /x', { ...structuredClone(valid), mustRefuse: undefined })).toBe(true);
    expect(repeats.enough('POST /x', hostile)).toBe(false);
    expect(repeats.enough('POST /y', valid)).toBe(false);
  });
});
