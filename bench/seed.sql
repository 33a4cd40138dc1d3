-- Bench data: `bench.n` cases with generate_series, on a database the server has just migrated and
-- filled with reference and demo data. Every JSON column is copied from rows the real API wrote for
-- the demo cases (the open INVESTIGATING case and the DECIDED_PENALTY case), so the shapes stay those
-- of the checkout under test. Run by bench/lib/setup.mjs as the table owner (RLS does not apply).
--
-- Per case i: office i % 8 (the 8 demo offices), created over the last 3 years, one party (1 in 25
-- of Haidian's named …星河云图… for the text-search probe: 50 at 10 k, 5 000 at 1 M), statuses
-- 5 % registered / 25 % investigating / 5 % notice served / 65 % decided…closed; docketed cases have the office's first two case handlers
-- with valid certificates, 5 evidence × 2 collectors, DOCKETING + CASE_TIME_LIMIT deadlines (open
-- while the case is open); 1–3 audit events; decided cases a PENALTY decision and its letter
-- (real model, stub content). Audit events carry template payloads and a well-formed but not
-- recomputable hash chain (chain_head/chain_length agree, so new steps extend it).

create temp table bench_office on commit drop as
select (row_number() over (order by path) - 1)::int as k, id, path, short_name
from office;

create temp table bench_probe_office on commit drop as
select o.office_id from officer o join enforcement_certificate c on c.officer_id = o.id
where c.number = 'HD0001';

create temp table bench_handler on commit drop as
select office_id, h, id, name, certificate
from (
  select o.office_id, o.id, o.name, min(c.number) as certificate,
         row_number() over (partition by o.office_id order by min(c.number)) as h
  from officer o
  join enforcement_certificate c on c.officer_id = o.id
  where 'CASE_HANDLER' = any (o.roles) and o.active and c.revoked_on is null
    and c.valid_from <= current_date and c.valid_to >= current_date + 30
  group by o.office_id, o.id, o.name
) ranked
where h <= 2;

create temp table bench_template on commit drop as
select
  (select id from "case" where status = 'INVESTIGATING' order by created_at limit 1) as open_case,
  (select id from "case" where status = 'DECIDED_PENALTY' order by created_at limit 1) as decided_case,
  (select id from "case" where status = 'CASE_SOURCE_REGISTERED' order by created_at limit 1) as registered_case;

create temp table bench_case on commit drop as
select
  i,
  md5('bench-case-' || i)::uuid as id,
  o.id as office_id,
  o.path as office_path,
  o.short_name,
  s.status,
  s.status not in ('CASE_SOURCE_REGISTERED') as docketed,
  s.status in ('DECIDED_PENALTY', 'DECISION_SERVED', 'EXECUTED', 'CLOSED') as decided,
  t.created_at,
  case when s.status = 'CASE_SOURCE_REGISTERED' then 1
       when s.status in ('DECIDED_PENALTY', 'DECISION_SERVED', 'EXECUTED', 'CLOSED') then 3
       else 2 end as events,
  -- The search probe: one in 25 of Haidian's cases (HD0001's county office), so the national and
  -- the county search both fill a page of 50 at 10 k cases and stay within the id path's cap
  -- (SEARCH_IDS_CAP, 5 000, its most expensive case) at 1 M: the bench compares full pages by the
  -- same plan at both scales. A term no demo case has (the demo's party is 北京星河数据…), so the
  -- count is exactly that.
  case when o.id = (select office_id from bench_probe_office)
            and (i / (select count(*) from bench_office)) % 25 = 0
       then '北京星河云图科技有限公司（第' || i || '号）'
       else (array['云帆', '青鸟', '启明', '长风', '海纳', '远景', '蓝海', '新程'])[1 + i % 8]
            || (array['网络', '信息', '数据', '互动'])[1 + (i / 8) % 4] || '科技有限公司（第' || i || '号）'
  end as party_name
from generate_series(1, current_setting('bench.n')::int) as i
join bench_office o on o.k = i % (select count(*) from bench_office)
cross join lateral (
  select (array['CASE_SOURCE_REGISTERED', 'INVESTIGATING', 'INVESTIGATING', 'INVESTIGATING',
                'INVESTIGATING', 'INVESTIGATING', 'PRE_PENALTY_NOTICE_SERVED', 'DECIDED_PENALTY',
                'DECIDED_PENALTY', 'DECIDED_PENALTY', 'DECIDED_PENALTY', 'DECISION_SERVED',
                'DECISION_SERVED', 'DECISION_SERVED', 'EXECUTED', 'EXECUTED', 'EXECUTED', 'CLOSED',
                'CLOSED', 'CLOSED'])[1 + i % 20] as status
) s
cross join lateral (
  -- 7919 is prime: a deterministic shuffle of creation times over three years.
  select now() - interval '3 years' * (((i::bigint * 7919) % current_setting('bench.n')::int)::float8
         / current_setting('bench.n')::int) - interval '1 day' as created_at
) t;

insert into party (id, created_at, updated_at, kind, name, id_type, id_number, address,
                   legal_representative, contact_phone, electronic_service_consent, office_id, office_path)
select md5('bench-party-' || i)::uuid, created_at, created_at, 'LEGAL_PERSON', party_name,
       'UNIFIED_SOCIAL_CREDIT_CODE', '91' || lpad(i::text, 16, '0'), '北京市海淀区中关村大街' || (i % 300) || '号',
       '周明远', '010-' || lpad((i % 10000000)::text, 8, '0'), false, office_id, office_path
from bench_case;

insert into "case" (id, created_at, updated_at, number, office_id, office_path, status, title,
                    violation_summary, registered_on, docketed_on, decided_on, closed_on, version,
                    search_text, procedure_record, chain_head, chain_length)
select c.id, c.created_at, c.created_at,
       c.short_name || '案〔' || extract(year from c.created_at)::int || '〕' || (100000 + c.i) || '号',
       c.office_id, c.office_path, c.status,
       (array['违法处理个人信息案', '未落实未成年人网络保护义务案', '违规发布网络信息案',
              '未履行网络安全保护义务案', '违法收集使用个人信息案'])[1 + c.i % 5],
       '当事人涉嫌违反网络信息管理规定（基准数据第' || c.i || '号）',
       c.created_at::date,
       case when c.docketed then c.created_at::date + 2 end,
       case when c.decided then c.created_at::date + 60 end,
       case when c.status = 'CLOSED' then c.created_at::date + 90 end,
       c.events + 1,
       c.short_name || '案〔' || extract(year from c.created_at)::int || '〕' || (100000 + c.i) || '号 ' || c.party_name,
       case when c.decided then r.decided_record else r.open_record end,
       encode(sha256(convert_to('bench-' || c.i || '-' || c.events, 'UTF8')), 'hex'),
       c.events
from bench_case c
cross join (
  select (select procedure_record from "case" where id = open_case) as open_record,
         (select procedure_record from "case" where id = decided_case) as decided_record
  from bench_template
) r;

insert into case_party (case_id, party_id)
select id, md5('bench-party-' || i)::uuid from bench_case;

insert into case_handler (case_id, officer_id)
select c.id, h.id from bench_case c join bench_handler h on h.office_id = c.office_id
where c.docketed;

create temp table bench_evidence_template on commit drop as
select e.title, e.description, e.source, e.place, e.files
from evidence e where e.case_id = (select open_case from bench_template)
order by e.collected_at limit 1;

insert into evidence (id, created_at, updated_at, case_id, kind, title, description, source,
                      collected_at, place, files)
select md5('bench-evidence-' || c.i || '-' || k)::uuid, c.created_at + k * interval '1 day',
       c.created_at + k * interval '1 day', c.id,
       (array['ELECTRONIC_DATA', 'DOCUMENTARY', 'AUDIOVISUAL', 'WITNESS_TESTIMONY', 'INSPECTION_RECORD'])[k],
       t.title || '（' || k || '）', t.description, t.source, c.created_at + k * interval '1 day',
       t.place, t.files
from bench_case c
cross join generate_series(1, 5) as k
cross join bench_evidence_template t
where c.docketed;

insert into evidence_collector (evidence_id, officer_id)
select md5('bench-evidence-' || c.i || '-' || k)::uuid, h.id
from bench_case c
cross join generate_series(1, 5) as k
join bench_handler h on h.office_id = c.office_id
where c.docketed;

-- Deadlines: the template row of the same kind and state, moved to this case's dates.
create temp table bench_deadline_template on commit drop as
select d.kind, d.stopped_on is null as open, d.trigger_event, d.period, d.pauses,
       d.due_date - d.trigger_date as days, d.explanation, d.provisional, d.review
from deadline d
where (d.case_id = (select registered_case from bench_template) and d.kind = 'DOCKETING')
   or (d.case_id = (select open_case from bench_template) and d.kind in ('DOCKETING', 'CASE_TIME_LIMIT'))
   or (d.case_id = (select decided_case from bench_template) and d.kind = 'CASE_TIME_LIMIT');

insert into deadline (id, created_at, updated_at, case_id, office_path, kind, trigger_event,
                      trigger_date, period, pauses, due_date, stopped_on, explanation, provisional, review)
select md5('bench-deadline-' || c.i || '-' || t.kind)::uuid, c.created_at, c.created_at, c.id,
       c.office_path, t.kind, t.trigger_event, c.created_at::date + offs, t.period, t.pauses,
       c.created_at::date + offs + t.days,
       case when t.open then null else c.created_at::date + offs + least(t.days, 2) end,
       t.explanation, t.provisional, t.review
from bench_case c
join bench_deadline_template t
  on (t.kind = 'DOCKETING' and t.open = not c.docketed)
  or (t.kind = 'CASE_TIME_LIMIT' and c.docketed and t.open = not c.decided)
cross join lateral (select case when t.kind = 'DOCKETING' then 0 else 2 end as offs) o;

-- Audit events 1..events: registration and docketing from the open demo case, the decision from
-- the decided one. The trigger that extends the chain head is off while seeding; the case rows
-- above already hold the head and length these rows form.
create temp table bench_event_template on commit drop as
select row_number() over (order by src, sequence)::int as sequence, action, from_status, to_status,
       rulebook_version, input_digest, payload, hash_version
from (
  select 1 as src, e.* from case_event e
  where e.case_id = (select open_case from bench_template)
    and e.action in ('registerCaseSource', 'decideDocketing')
  union all
  select 2, e.* from case_event e
  where e.case_id = (select decided_case from bench_template) and e.action = 'decideCase'
) t;

alter table case_event disable trigger case_event_extend_head;

insert into case_event (id, case_id, sequence, occurred_at, action, actor_officer_id, actor_name,
                        actor_certificate_number, from_status, to_status, rulebook_version,
                        input_digest, payload, previous_hash, hash, act_date, hash_version)
select md5('bench-event-' || c.i || '-' || t.sequence)::uuid, c.id, t.sequence,
       c.created_at + (t.sequence - 1) * interval '2 days', t.action, h.id, h.name, h.certificate,
       t.from_status, t.to_status, t.rulebook_version, t.input_digest, t.payload,
       case when t.sequence = 1 then repeat('0', 64)
            else encode(sha256(convert_to('bench-' || c.i || '-' || (t.sequence - 1), 'UTF8')), 'hex') end,
       encode(sha256(convert_to('bench-' || c.i || '-' || t.sequence, 'UTF8')), 'hex'),
       (c.created_at + (t.sequence - 1) * interval '2 days')::date, t.hash_version
from bench_case c
join bench_event_template t on t.sequence <= c.events
join bench_handler h on h.office_id = c.office_id and h.h = 1;

alter table case_event enable trigger case_event_extend_head;

insert into decision (id, created_at, updated_at, case_id, kind, decided_on, document_number, reasons, penalties,
                      discretion_tier, discretion_grounds, discretion_statement, discretion_benchmark)
select md5('bench-decision-' || c.i)::uuid, c.created_at + interval '60 days',
       c.created_at + interval '60 days', c.id, d.kind, c.created_at::date + 60,
       c.short_name || '罚〔' || extract(year from c.created_at)::int || '〕' || (100000 + c.i) || '号',
       d.reasons, d.penalties, d.discretion_tier, d.discretion_grounds, d.discretion_statement,
       d.discretion_benchmark
from bench_case c
cross join (select * from decision where case_id = (select decided_case from bench_template) limit 1) d
where c.decided;

insert into case_document (id, case_id, kind, title, version, number, template_name, template_sha256,
                           model, content, sha256, size_bytes, created_by, created_at)
select md5('bench-document-' || c.i)::uuid, c.id, d.kind, d.title, 1,
       c.short_name || '罚〔' || extract(year from c.created_at)::int || '〕' || (100000 + c.i) || '号',
       d.template_name, d.template_sha256, d.model, convert_to('bench stub', 'UTF8'),
       encode(sha256(convert_to('bench stub', 'UTF8')), 'hex'), 10, h.id,
       c.created_at + interval '60 days'
from bench_case c
cross join (select * from case_document
            where case_id = (select decided_case from bench_template) and kind = 'PENALTY_DECISION'
            order by version limit 1) d
join bench_handler h on h.office_id = c.office_id and h.h = 1
where c.decided;
