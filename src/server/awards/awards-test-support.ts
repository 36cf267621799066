// Test set-up for the award steps: a closed call of the 2023 service-trade rules whose applicants passed intake,
// calculated by an administrator over HTTP. An application's award follows its 2022 service export: 200,000,000
// cents (US$2,000,000) earns 269,044 元; an enterprise with a violation is not eligible.
import { changeStatus, insertApplication, updateDeclared } from '../../db/repos/applications.repo';
import { insertEnterpriseStats } from '../../db/repos/enterprises.repo';
import type { NewCall, ProgramRow } from '../../db/repos/programs.repo';
import { buildCall, buildEnterprise, buildProgram, buildRuleVersion } from '../../db/test-factories';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import { type Agent, buildUser, type TestApp } from '../test-support';

const DAY = 86_400_000;

export interface Applicant {
  /** 2022 service export in US cents. */
  exportCents: bigint;
  violations?: boolean;
  name?: string;
}

export interface CalculatedCall {
  callId: string;
  programId: string;
  /** The applications, in the order of `applicants`. */
  ids: string[];
}

let serial = 0;

export async function calculatedCall(
  t: TestApp,
  admin: Agent,
  options: {
    departmentId: string;
    program?: Pick<ProgramRow, 'id' | 'code'>;
    applicants?: readonly Applicant[];
    call?: Partial<NewCall>;
  },
): Promise<CalculatedCall> {
  const program =
    options.program ??
    (await (async () => {
      const built = await buildProgram(t.db, { departmentId: options.departmentId, year: 2023 });
      await buildRuleVersion(t.db, built, SERVICE_TRADE_PROGRAM);
      return built;
    })());
  const call = await buildCall(t.db, program, {
    around: new Date(t.clock.now().getTime() - 3 * DAY),
    ...options.call,
  });
  const user = await buildUser(t, 'applicant');
  const applicants = options.applicants ?? [
    { exportCents: 200_000_000n },
    { exportCents: 400_000_000n, violations: true },
  ];
  const ids: string[] = [];
  for (const applicant of applicants) {
    serial += 1;
    const enterprise = await buildEnterprise(t.db, {
      statsRegistered: true,
      violations: applicant.violations ?? false,
      name: applicant.name ?? `核定测试企业${serial}`,
    });
    await insertEnterpriseStats(t.db.orm, [
      {
        enterpriseId: enterprise.id,
        year: 2022,
        outsourcingExecUsdCents: 0n,
        offshoreExecUsdCents: 0n,
        serviceImportUsdCents: 0n,
        serviceExportUsdCents: applicant.exportCents,
        source: 'test',
      },
    ]);
    const now = t.clock.now();
    ids.push(
      await t.db.orm.transaction(async (tx) => {
        const created = await insertApplication(tx, {
          callId: call.id,
          enterpriseId: enterprise.id,
          clause: 'service-trade-volume',
          createdBy: user.id,
          createdAt: now,
        });
        let row = await updateDeclared(tx, created.id, {}, now);
        row = await changeStatus(tx, row, { action: 'submit', to: 'submitted', actorId: user.id, at: now });
        await changeStatus(tx, row, { action: 'pass_intake', to: 'intake_passed', actorId: null, at: now });
        return created.id;
      }),
    );
  }
  const response = await admin.request({ method: 'POST', url: `/api/calls/${call.id}/calculate` });
  if (response.statusCode !== 201) throw new Error(`calculate: ${response.statusCode} ${response.body}`);
  return { callId: call.id, programId: program.id, ids };
}
