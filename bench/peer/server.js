/*
 * server.js - the benchmark PEER for onrecord: the statement reads done the
 * way a typical newsroom team would write them in Node.js, with Fastify 5
 * and postgres.js, in one process.
 *
 * It runs onrecord's own SQL (db/queries/statements_get.sql,
 * statements_newest.sql, statements_oldest.sql, their _matching variants
 * for q (_by_topic_matching with a topic; the general ones with an actor),
 * _by_actor_topic variants for actor with topic, _by_actor
 * variants for actor alone and _by_topic variants for topic alone,
 * statements_relevance.sql, statements_search.sql for relevance with q
 * alone, readyz.sql, read at start-up and used as is) as prepared statements, with
 * the parameter values onrecord passes, so PostgreSQL does the same work
 * for both servers and a benchmark compares what sits around the query:
 *
 *   GET /healthz                      {"status":"ok"}, no database
 *   GET /readyz                       SELECT 1
 *   GET /v1/statements/:id            the statement's JSON text as is
 *   GET /v1/statements?actor=&topic=&from=&to=&q=&sort=&limit=&cursor=
 *                                     {"data":[...],"next_cursor":...}
 *
 * Configuration (environment): PORT (8081), HOST (127.0.0.1), DATABASE_URL
 * (a libpq-style URI; host= may name a Unix-socket directory), PEER_POOL
 * (postgres.js connections, 4). See README.md for what it leaves out.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import postgres from 'postgres';

const QUERIES = new URL('../../db/queries/', import.meta.url);
const query = (name) => readFileSync(new URL(`${name}.sql`, QUERIES), 'utf8');
const SQL_GET = query('statements_get');
const SQL_READY = query('readyz');
const sortBy = (name, rank) => ({ name, text: query(name), rank });
const SORTS = {
  '-said_on': sortBy('statements_newest', false),
  said_on: sortBy('statements_oldest', false),
  relevance: sortBy('statements_relevance', true),
};
/* With q, the date orders run these instead, as onrecord does (server/statements.c). */
const SORTS_WITH_Q = {
  '-said_on': sortBy('statements_newest_matching', false),
  said_on: sortBy('statements_oldest_matching', false),
  relevance: SORTS.relevance,
};
/* With q and no other filter, relevance runs the search query. */
const SORTS_WITH_Q_ONLY = { ...SORTS_WITH_Q, relevance: sortBy('statements_search', true) };
/* With q and a topic and no actor, the date orders search within the topic. */
const SORTS_WITH_Q_TOPIC = {
  '-said_on': sortBy('statements_newest_by_topic_matching', false),
  said_on: sortBy('statements_oldest_by_topic_matching', false),
  relevance: SORTS.relevance,
};
/* Without q but with an actor and a topic, these. */
const SORTS_WITH_ACTOR_TOPIC = {
  '-said_on': sortBy('statements_newest_by_actor_topic', false),
  said_on: sortBy('statements_oldest_by_actor_topic', false),
  relevance: SORTS.relevance,
};
/* And with an actor alone, these. */
const SORTS_WITH_ACTOR = {
  '-said_on': sortBy('statements_newest_by_actor', false),
  said_on: sortBy('statements_oldest_by_actor', false),
  relevance: SORTS.relevance,
};
/* And with a topic and no actor, these. */
const SORTS_WITH_TOPIC = {
  '-said_on': sortBy('statements_newest_by_topic', false),
  said_on: sortBy('statements_oldest_by_topic', false),
  relevance: SORTS.relevance,
};
const DEFAULT_LIMIT = 50; /* server/list.h LIST_DEFAULT_LIMIT */
const MAX_LIMIT = 200; /* server/list.h LIST_MAX_LIMIT */

/*
 * postgres.js takes a URL but would send libpq's query keys (host=, port=,
 * user=, dbname=) to the server as run-time settings, so they are read here;
 * a host that is a directory is a Unix socket (postgres.js's `path`).
 */
function connectionOptions(databaseUrl) {
  const url = new URL(databaseUrl || 'postgresql:///onrecord');
  const q = url.searchParams;
  const dec = decodeURIComponent;
  const host = q.get('host') || dec(url.hostname) || process.env.PGHOST || '/var/run/postgresql';
  const port = Number(q.get('port') || url.port || process.env.PGPORT || 5432);
  const options = {
    database: q.get('dbname') || dec(url.pathname.slice(1)) || process.env.PGDATABASE || 'onrecord',
    username: q.get('user') || dec(url.username) || process.env.PGUSER || undefined,
    password: q.get('password') || dec(url.password) || process.env.PGPASSWORD || undefined,
    max: Number(process.env.PEER_POOL || 4),
    prepare: true,
    idle_timeout: 0,
    connect_timeout: 3,
    /* The session settings onrecord's connections use (server/db.c). */
    connection: {
      application_name: q.get('application_name') || 'onrecord-peer',
      statement_timeout: 5000,
      jit: 'off',
      max_parallel_workers_per_gather: 0,
      client_min_messages: 'warning',
    },
  };
  if (host.startsWith('/')) options.path = `${host}/.s.PGSQL.${port}`;
  else Object.assign(options, { host, port });
  const sslmode = q.get('sslmode');
  if (sslmode && sslmode !== 'disable') options.ssl = sslmode;
  return options;
}

const sql = postgres(connectionOptions(process.env.DATABASE_URL));
const app = Fastify({ logger: false });

/* RFC 9457 problem details, shaped like onrecord's (server/problem.c). */
const TITLES = {
  400: ['bad-parameter', 'A parameter has a malformed value'],
  404: ['not-found', 'Not found'],
  500: ['internal', 'Internal server error'],
  503: ['unavailable', 'The database is unavailable'],
};
function problem(reply, request, status, detail, parameter, code, title) {
  const [slug, defaultTitle] = TITLES[status] || TITLES[500];
  const body = {
    type: `/problems/${code || slug}`,
    title: title || defaultTitle,
    status,
    code: code || slug,
    detail,
  };
  if (parameter) {
    body.parameter = parameter;
    body.invalid_params = [{ name: parameter, reason: detail }];
  }
  body.instance = request.url;
  return reply.code(status).type('application/problem+json').send(JSON.stringify(body));
}

app.setErrorHandler((error, request, reply) => {
  if (error.validation) {
    const v = error.validation[0];
    const name = (v.instancePath || '').replace(/^\//, '') || v.params?.missingProperty || '';
    return problem(reply, request, 400, `${name} ${v.message}`.trim(), name || undefined);
  }
  if (error.statusCode && error.statusCode < 500)
    return problem(reply, request, error.statusCode, error.message);
  if (error.code === '57014')
    return problem(reply, request, 503, 'the query took too long', null, 'query-timeout',
                   'The query took too long');
  if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT' || error.code === 'CONNECTION_CLOSED')
    return problem(reply, request, 503, 'the database is unavailable');
  console.error('onrecord-peer:', error);
  return problem(reply, request, 500, 'internal server error');
});

app.setNotFoundHandler((request, reply) =>
  problem(reply, request, 404, `no route for ${request.method} ${request.url.split('?')[0]}`));

app.get('/healthz', (request, reply) => {
  reply.header('cache-control', 'no-store').type('application/json').send('{"status":"ok"}');
});

app.get('/readyz', async (request, reply) => {
  await sql.unsafe(SQL_READY, [], { prepare: true });
  reply.header('cache-control', 'no-store').type('application/json')
    .send('{"status":"ready","database":"ok"}');
});

/* A positive whole number below 2^63, no leading zeros (server/util.c parse_long). */
const isId = (s) =>
  /^[1-9][0-9]{0,18}$/.test(s) && (s.length < 19 || BigInt(s) <= 9223372036854775807n);

app.get('/v1/statements/:id', async (request, reply) => {
  const { id } = request.params;
  if (!isId(id))
    return problem(reply, request, 400, 'id must be a positive whole number', 'id');
  const rows = await sql.unsafe(SQL_GET, [id], { prepare: true }).values();
  if (rows.length === 0)
    return problem(reply, request, 404, `no statement with id ${id}`);
  return reply.type('application/json').send(rows[0][0]);
});

/* The cursor: base64url of "v1", the query's name and the sort key, tab-joined. */
const encodeCursor = (parts) => Buffer.from(['v1', ...parts].join('\t')).toString('base64url');
function decodeCursor(cursor, sort) {
  const parts = Buffer.from(cursor, 'base64url').toString().split('\t');
  if (parts.length !== 4 || parts[0] !== 'v1' || parts[1] !== sort.name || !isId(parts[3]))
    return null;
  const keyOk = sort.rank ? /^[0-9.eE+-]{1,40}$/.test(parts[2]) && Number.isFinite(+parts[2])
                          : /^\d{4}-\d{2}-\d{2}$/.test(parts[2]);
  return keyOk ? parts.slice(2) : null;
}

const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 };
const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const listSchema = {
  querystring: {
    type: 'object',
    properties: {
      actor: slug,
      topic: slug,
      from: date,
      to: date,
      q: { type: 'string', minLength: 1, maxLength: 200 },
      sort: { type: 'string', enum: Object.keys(SORTS) },
      limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
      cursor: { type: 'string', minLength: 1, maxLength: 200 },
    },
  },
};

app.get('/v1/statements', { schema: listSchema }, async (request, reply) => {
  const { actor, topic, from, to, q, cursor } = request.query;
  const sorts =
    q !== undefined
      ? actor === undefined && topic === undefined && from === undefined && to === undefined
        ? SORTS_WITH_Q_ONLY
        : actor !== undefined
          ? SORTS
          : topic !== undefined
            ? SORTS_WITH_Q_TOPIC
            : SORTS_WITH_Q
      : actor !== undefined && topic !== undefined
        ? SORTS_WITH_ACTOR_TOPIC
        : actor !== undefined
          ? SORTS_WITH_ACTOR
          : topic !== undefined
            ? SORTS_WITH_TOPIC
            : SORTS;
  const sort = sorts[request.query.sort || '-said_on'];
  const limit = request.query.limit ?? DEFAULT_LIMIT;
  if (sort.rank && q === undefined)
    return problem(reply, request, 400, `sort=${request.query.sort} needs q`, 'sort');
  let after = [null, null];
  if (cursor !== undefined) {
    after = decodeCursor(cursor, sort);
    if (!after)
      return problem(reply, request, 400,
                     'cursor must be a next_cursor value returned by this list, in this order',
                     'cursor', 'bad-cursor', 'The cursor is not valid');
  }
  /* $1..$16 as server/statements.c and server/list.c pass them: one row
   * more than the page, to know whether there is a next one. */
  const params = [actor ?? null, topic ?? null, null, null, null, from ?? null, to ?? null,
                  null, q ?? null, null, null, null, null, after[0], after[1], String(limit + 1)];
  const rows = await sql.unsafe(sort.text, params, { prepare: true }).values();
  const page = rows.length > limit ? rows.slice(0, limit) : rows;
  let next = 'null';
  if (rows.length > limit) {
    const last = page[page.length - 1];
    next = `"${encodeCursor([sort.name, last[1], last[2]])}"`;
  }
  const body = `{"data":[${page.map((r) => r[0]).join(',')}],"next_cursor":${next}}`;
  return reply.type('application/json').send(body);
});

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  try {
    await app.close();
    await sql.end({ timeout: 5 });
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

await app.listen({ port: Number(process.env.PORT || 8081), host: process.env.HOST || '127.0.0.1' });
