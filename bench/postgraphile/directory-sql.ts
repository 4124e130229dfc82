// Writes to stdout a PostgreSQL script holding the HTTP bench's directory (the same generated domains,
// neighbourhoods and organisations, same names and order), for the PostGraphile v4 comparison in
// docs/performance.md. The project does not depend on PostgreSQL: run it where you have one.
// Usage: npx tsx bench/postgraphile/directory-sql.ts [organisations, default 10000] | psql -q -v ON_ERROR_STOP=1 <db>
import { Types } from 'mongoose';
import { buildOrganisations } from '../../seeds/organisations';
import { DOMAINS, NEIGHBOURHOODS } from '../../seeds/reference';

const count = Number(process.argv[2] ?? 10_000);
const out = (line: string) => process.stdout.write(`${line}\n`);
/** A COPY text-format field: the seeds' strings, numbers, booleans and ObjectIds (printed as their hex id). */
const field = (v: unknown) =>
  v === undefined || v === null
    ? '\\N'
    : String(v as string | number | boolean | Types.ObjectId)
        .replace(/\\/g, '\\\\')
        .replace(/\t/g, '\\t')
        .replace(/\n/g, '\\n');
const row = (values: unknown[]) => out(values.map(field).join('\t'));

out(`begin;
drop function if exists search_organisations(text);
drop table if exists organisation_neighbourhood, organisation_domain, organisation, neighbourhood, domain;
create table domain (id text primary key, code text not null unique, name text not null, proposal int not null, parent_id text references domain(id));
create table neighbourhood (id text primary key, code text not null unique, name text not null, is_priority boolean not null);
create table organisation (
  id text primary key,
  name text not null,
  name_key text not null,
  acronym text,
  legal_form text not null,
  description text not null,
  lat double precision,
  lng double precision,
  status text not null,
  is_public boolean not null,
  search tsvector generated always as (
    setweight(to_tsvector('french', name), 'A') || setweight(to_tsvector('french', coalesce(acronym, '')), 'A') || setweight(to_tsvector('french', description), 'C')
  ) stored
);
create index organisation_directory on organisation (is_public, status, name_key, id);
create index organisation_search on organisation using gin (search);
create table organisation_domain (organisation_id text not null references organisation(id), domain_id text not null references domain(id), position int not null, primary key (organisation_id, domain_id));
create index on organisation_domain (domain_id);
create table organisation_neighbourhood (organisation_id text not null references organisation(id), neighbourhood_id text not null references neighbourhood(id), position int not null, primary key (organisation_id, neighbourhood_id));
create index on organisation_neighbourhood (neighbourhood_id);
comment on table organisation_domain is E'@omit all';
comment on table organisation_neighbourhood is E'@omit all';
-- Full-text search ordered by relevance, then id (as Maillage orders a search).
create function search_organisations(q text) returns setof organisation language sql stable as $$
  select o.* from organisation o
  where o.search @@ websearch_to_tsquery('french', q) and o.status = 'ACTIVE' and o.is_public
  order by ts_rank(o.search, websearch_to_tsquery('french', q)) desc, o.id
$$;`);

const domainIds = new Map<string, Types.ObjectId>();
out('copy domain (id, code, name, proposal, parent_id) from stdin;');
for (const d of DOMAINS) {
  const id = new Types.ObjectId();
  domainIds.set(d.code, id);
  row([id, d.code, d.name, d.proposal, null]);
  for (const c of d.children ?? []) {
    const childId = new Types.ObjectId();
    domainIds.set(c.code, childId);
    row([childId, c.code, c.name, d.proposal, id]);
  }
}
out('\\.');
const hoodIds = new Map<string, Types.ObjectId>();
out('copy neighbourhood (id, code, name, is_priority) from stdin;');
for (const n of NEIGHBOURHOODS) {
  const id = new Types.ObjectId();
  hoodIds.set(n.code, id);
  row([id, n.code, n.name, n.isPriority]);
}
out('\\.');

const docs = buildOrganisations(domainIds, hoodIds, count).map((d) => Object.assign(d, { _id: new Types.ObjectId() }));
out('copy organisation (id, name, name_key, acronym, legal_form, description, lat, lng, status, is_public) from stdin;');
for (const d of docs) {
  const [lng, lat] = (d.location as { coordinates: number[] }).coordinates;
  row([d._id, d.name, d.nameKey, d.acronym, d.legalForm, d.description, lat, lng, d.status, d.isPublic]);
}
out('\\.');
out('copy organisation_domain (organisation_id, domain_id, position) from stdin;');
for (const d of docs) (d.domains as Types.ObjectId[]).forEach((id, i) => row([d._id, id, i]));
out('\\.');
out('copy organisation_neighbourhood (organisation_id, neighbourhood_id, position) from stdin;');
for (const d of docs) (d.neighbourhoods as Types.ObjectId[]).forEach((id, i) => row([d._id, id, i]));
out('\\.');
out('analyze;');
out('commit;');
