/**
 * Private links carry secrets in their path (/public/registrations/:token) and query strings can
 * carry personal data (?email=). Logs keep the route shape and drop both.
 */
const SECRET_SEGMENT_AFTER = new Set(['registrations', 'testimonies', 'manage', 'receipts']);

export function redactUrl(url: string): string {
  const [path] = url.split('?', 1);
  const segments = path.split('/');
  const isPublic = segments.includes('public') || segments.includes('manage');
  if (!isPublic) return path;
  return segments
    .map((segment, index) =>
      index > 0 && SECRET_SEGMENT_AFTER.has(segments[index - 1]) && segment ? ':token' : segment,
    )
    .join('/');
}
