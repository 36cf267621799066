// Shapes of the demo data. Plain values only: money is a decimal string (元 for CNY, dollars with two decimals
// for USD), dates are ISO 'YYYY-MM-DD', instants ISO 8601 with an offset. The loader turns them into rows.

import type { CallStatus, ProgramStatus, PublicityKind, SizeClass } from '../../shared/domain';
import type { MaterialKind, MaterialRequirements } from '../../shared/materials';
import type { Role } from '../../shared/roles';

export type { SizeClass };

/** The seed's industry clusters (产业集群), stored as the Chinese names the registry uses. */
export const INDUSTRY_CLUSTERS = [
  '金融服务',
  '软件',
  '供应链管理',
  '动漫游戏',
  '数字音乐',
  '数据服务',
  '数字营销',
] as const;
export type IndustryCluster = (typeof INDUSTRY_CLUSTERS)[number];

export interface DemoDepartment {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface DemoClause {
  citation: string;
  summary: string;
  version: number;
}

export interface DemoPolicy {
  docNumber: string;
  title: string;
  issuer: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  departmentCode: string | null;
  clauses: DemoClause[];
}

export type BasisKind = 'policy' | 'fund_rules' | 'guide' | 'work_plan';

export interface DemoBasisDocument {
  kind: BasisKind;
  docNumber: string | null;
  title: string;
  citation: string | null;
}

export type MilestoneKind = 'call_open' | 'collection' | 'review' | 'publicity' | 'approval' | 'payment';

export interface DemoMilestone {
  kind: MilestoneKind;
  plannedOn: string;
  actualOn: string | null;
  note: string | null;
}

export interface DemoProgram {
  code: string;
  name: string;
  year: number;
  departmentCode: string;
  /** 元, two decimals. */
  budget: string;
  fundSource: string;
  status: ProgramStatus;
  basis: DemoBasisDocument[];
  milestones: DemoMilestone[];
}

export interface DemoCall {
  code: string;
  programCode: string;
  title: string;
  opensAt: string;
  closesAt: string;
  status: CallStatus;
  guide: string;
  publicityDays: number;
  publicityKind: PublicityKind;
  /** What applications must hand in; a call without requirements asks for none. */
  materials?: MaterialRequirements;
}

/** An application of a demo applicant user's enterprise, at the stage a visitor finds it. */
export interface DemoApplication {
  username: string;
  callCode: string;
  clause: string;
  status: 'draft' | 'submitted';
  /** Declared USD figures of the statistics year, by metric. */
  declared: Record<string, string>;
  /** Uploaded materials: each a one-page PDF showing `lines`, under the name the applicant gave it. */
  materials?: DemoMaterial[];
  /** The name the signer typed under the commitment (信用承诺书), when signed. */
  commitmentSigner?: string;
}

export interface DemoMaterial {
  kind: MaterialKind;
  name: string;
  lines: string[];
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  /** Registered district (注册地), e.g. '天河区'. */
  district: string;
  industryCluster: IndustryCluster;
  sizeClass: SizeClass;
  taxRegistered: boolean;
  /** Counted in the service outsourcing / service trade statistics system (纳统). */
  statsRegistered: boolean;
  statsRegisteredOn: string | null;
  /** A recorded violation (违法违规记录) that bars it from incentives. */
  violations: boolean;
}

/** One enterprise's figures for one year, USD with two decimals. */
export interface DemoStat {
  uscc: string;
  year: number;
  outsourcingExecUsd: string;
  offshoreExecUsd: string;
  serviceImportUsd: string;
  serviceExportUsd: string;
}

export interface DemoRegionStat {
  regionCode: string;
  regionName: string;
  level: 'city' | 'district';
  parentCode: string | null;
  year: number;
  outsourcingExecUsd: string;
  offshoreExecUsd: string;
  serviceImportUsd: string;
  serviceExportUsd: string;
  newlyRegistered: number;
}

export interface DemoUser {
  role: Role;
  username: string;
  password: string;
  displayName: string;
  enterpriseUscc?: string;
  /** May sign in without TOTP while the development demo runs, so a visitor can look around. */
  totpOptional?: true;
}
