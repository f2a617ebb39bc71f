import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_NODE_OPTIONS, appNodeOptions } from './node-options';

describe('the heap settings the api and worker run with', () => {
  it('are the ones the Docker image sets', () => {
    const dockerfile = readFileSync(path.join(__dirname, '../../../../docker/Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`ENV NODE_OPTIONS="${APP_NODE_OPTIONS}"`);
  });

  it("give way to the operator's NODE_OPTIONS, but not to an empty one", () => {
    expect(appNodeOptions({ NODE_OPTIONS: '--max-old-space-size=2048' })).toBe('--max-old-space-size=2048');
    expect(appNodeOptions({ NODE_OPTIONS: '  ' })).toBe(APP_NODE_OPTIONS);
    expect(appNodeOptions({})).toBe(APP_NODE_OPTIONS);
  });
});
