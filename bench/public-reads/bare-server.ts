import http from 'node:http';
import { Pool } from 'pg';

/**
 * The bare baseline for public reads: node:http and pg with the same pool size as the api, the
 * same page of upcoming published events (with their venues) and its total, serialised to JSON.
 * It is the floor under GET /api/v1/public/events: no framework, no validation, no caching.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const PAGE_SQL = `
  SELECT e.id, e.title, e.kind, e.description, e.status, e.starts_at, e.ends_at, e.capacity,
         e.cancel_reason, v.id AS venue_id, v.name AS venue_name, v.address, v.postcode, v.area,
         v.capacity AS venue_capacity, v.access_features
    FROM events e LEFT JOIN venues v ON v.id = e.venue_id
   WHERE e.status = 'published' AND e.ends_at > now()
   ORDER BY e.starts_at, e.id
   LIMIT 20`;
const TOTAL_SQL = `SELECT count(*)::int AS total FROM events WHERE status = 'published' AND ends_at > now()`;

const server = http.createServer((request, response) => {
  if (request.url === '/ready') {
    response.end('ok');
    return;
  }
  Promise.all([pool.query(PAGE_SQL), pool.query<{ total: number }>(TOTAL_SQL)]).then(
    ([page, total]) => {
      const body = JSON.stringify({ items: page.rows, total: total.rows[0].total });
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(body);
    },
    () => {
      response.writeHead(500);
      response.end();
    },
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
