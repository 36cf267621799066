// The demo data set: a fictional 天河区 registry and the seed's program, whose totals reproduce the figures of
// the 2023 performance evaluation report exactly. Pure values and generators; the loader inserts them.
export { APPLICANT_SPECS, type ApplicantOutcome } from './data-applicants';
export {
  APPLICANTS_CSV_COLUMNS,
  applicantStat,
  DEMO_APPLICANTS_2023,
  type DemoApplicant,
  demoApplicantsCsv,
  serviceTradeUsd,
} from './data-csv';
export { CITY, DISTRICTS, REGION_YEARS, STAT_YEARS, TIANHE } from './data-districts';
export {
  APPLICANT_ENTERPRISES,
  DEMO_ENTERPRISES,
  FEATURED_ENTERPRISES,
  GENERATED_ENTERPRISES,
  NEWLY_REGISTERED_2023,
} from './data-enterprises';
export {
  DEMO_APPLICATIONS,
  DEMO_CALLS,
  DEMO_DEPARTMENT,
  DEMO_PASSWORD,
  DEMO_POLICIES,
  DEMO_PROGRAMS,
  DEMO_USERS,
} from './data-program';
export { DEMO_REGION_STATS } from './data-regions';
export { DEMO_DECLARED_STATS, DEMO_STATS, METRICS, type Metric, TIANHE_TOTALS } from './data-stats';
export type * from './data-types';
export { INDUSTRY_CLUSTERS } from './data-types';
