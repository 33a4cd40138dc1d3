/* global process, Buffer, console */
// The hand-written peer: graphql-js + node-postgres answering the bench's case-detail query with
// one prepared json_agg statement, under the same officer scope (office-path prefix) and the same
// HS256 bearer token as Zhifa. What "the fastest way to serve the same contract" costs.
// Usage: node bench/peers/graphql-pg.mjs <database url> <port> <jwt secret>
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { buildSchema, execute, parse, validate } from 'graphql';
import pg from 'pg';

const [url, port, secret] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });

const schema = buildSchema(`
  type Office { id: ID! name: String! }
  type Officer { id: ID! name: String! }
  type Party { id: ID! name: String! }
  type Evidence { id: ID! kind: String! title: String! collectors: [Officer!]! }
  type Decision { id: ID! kind: String! decidedOn: String! }
  type Deadline { kind: String! dueDate: String! }
  type CaseDocument { id: ID! kind: String! title: String! }
  type Case {
    id: ID! number: String! status: String! title: String!
    office: Office! parties: [Party!]! evidence: [Evidence!]! decisions: [Decision!]!
    deadlines: [Deadline!]! documents: [CaseDocument!]!
  }
  type Query { case(id: ID!): Case }
`);

const DETAIL = `
select json_build_object(
  'id', c.id, 'number', c.number, 'status', c.status, 'title', c.title,
  'office', (select json_build_object('id', o.id, 'name', o.name) from office o where o.id = c.office_id),
  'parties', coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name))
                       from case_party cp join party p on p.id = cp.party_id where cp.case_id = c.id), '[]'),
  'evidence', coalesce((select json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title,
                          'collectors', coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name))
                                                  from evidence_collector ec join officer f on f.id = ec.officer_id
                                                  where ec.evidence_id = e.id), '[]'))
                          order by e.collected_at, e.id)
                        from evidence e where e.case_id = c.id), '[]'),
  'decisions', coalesce((select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'decidedOn', d.decided_on)
                          order by d.decided_on, d.id) from decision d where d.case_id = c.id), '[]'),
  'deadlines', coalesce((select json_agg(json_build_object('kind', d.kind, 'dueDate', d.due_date)
                          order by d.due_date, d.id) from deadline d where d.case_id = c.id), '[]'),
  'documents', coalesce((select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'title', d.title)
                          order by d.created_at, d.id) from case_document d where d.case_id = c.id), '[]')
) as detail
from officer me
join "case" c on c.id = $2 and starts_with(c.office_path, me.office_path)
where me.id = $1 and me.active`;

function base64url(buffer) {
  return Buffer.from(buffer).toString('base64url');
}

/** HS256 verification with issuer, audience and expiry, as Zhifa's token check requires. */
function officerOf(header) {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) {
    return undefined;
  }
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return undefined;
  }
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  const now = Date.now() / 1000;
  if (claims.iss !== 'zhifa' || claims.aud !== 'zhifa-api' || !(claims.exp > now)) {
    return undefined;
  }
  return claims.sub;
}

const documents = new Map();
function prepared(source) {
  let document = documents.get(source);
  if (!document) {
    document = parse(source);
    const errors = validate(schema, document);
    if (errors.length) {
      throw errors[0];
    }
    documents.set(source, document);
  }
  return document;
}

const root = {
  case: async ({ id }, context) => {
    const result = await pool.query({
      name: 'case-detail',
      text: DETAIL,
      values: [context.officerId, id],
    });
    return result.rows[0]?.detail ?? null;
  },
};

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    let answer;
    const officerId = officerOf(request.headers.authorization);
    if (!officerId) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"errors":[{"message":"unauthenticated"}]}');
      return;
    }
    try {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      answer = await execute({
        schema,
        document: prepared(query),
        rootValue: root,
        contextValue: { officerId },
        variableValues: variables,
      });
    } catch (error) {
      answer = { errors: [{ message: String(error.message ?? error) }] };
    }
    const body = JSON.stringify(answer);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () =>
  console.log(`peer ready on ${port} ${base64url('ok')}`),
);
