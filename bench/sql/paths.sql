-- Request paths for wrk, one a line; psql -v scenario=NAME picks the set. The cursors are encoded the
-- way dev.accords.paging.PageCursor encodes them: base64url, no padding, of 1|ordering|value|id.
\set ON_ERROR_STOP on
create or replace function pg_temp.cursor(ordering text, value text, id uuid) returns text language sql as $$
  select rtrim(translate(replace(encode(convert_to('1|' || ordering || '|' || value || '|' || id, 'UTF8'), 'base64'),
                                 E'\n', ''), '+/', '-_'), '=')
$$;
create or replace function pg_temp.micros(t timestamptz) returns text language sql as $$
  select (extract(epoch from t) * 1000000)::bigint::text
$$;
select case :'scenario'
  when 'get-agreement' then 'select ''/v1/agreements/'' || id from agreements order by random()'
  when 'list-agreements' then 'select ''/v1/agreements'''
  when 'list-agreements-deep' then
    'select ''/v1/agreements?cursor='' || pg_temp.cursor(''createdAt'', pg_temp.micros(created_at), id) from bench.agreement_cursors order by k'
  when 'get-clause' then
    'select ''/v1/agreements/'' || agreement_id || ''/clauses/'' || id from clauses order by random() limit 100000'
  when 'list-clauses' then 'select ''/v1/agreements/'' || id || ''/clauses?open=true&limit=20'' from agreements order by random()'
  when 'report' then 'select ''/v1/agreements/'' || id || ''/open-clauses'' from agreements order by random()'
  when 'global' then 'select ''/v1/open-clauses'''
  when 'report-confirmed' then 'select ''/v1/agreements/'' || id || ''/open-clauses?confidence=CONFIRMED'' from agreements order by random()'
  when 'global-confirmed' then 'select ''/v1/open-clauses?confidence=CONFIRMED'''
  when 'global-deep' then
    'select ''/v1/open-clauses?cursor='' || pg_temp.cursor(''urgency'', priority_rank || '':'' || pg_temp.micros(open_since), id) from bench.open_clause_cursors order by k'
  when 'global-party' then 'select ''/v1/open-clauses?party=US'''
  -- Writes: agreements that accept new clauses; clauses whose title may change, with their ETag.
  when 'create-clause' then 'select id from agreements where status in (''DRAFT'', ''NEGOTIATING'') order by random()'
  when 'patch-clause' then
    'select c.agreement_id || '' '' || c.id || '' '' || c.version from clauses c join agreements a on a.id = c.agreement_id where a.status in (''DRAFT'', ''NEGOTIATING'') order by random() limit 4000'
end as query \gset
copy (:query) to stdout;
