// The resolution form's values as the API takes them: a remedy only for an upheld objection that names an
// award, and the reduced ceiling (核减, 元) only with remedy `reduce`.
import type { Objection, ResolveObjectionBody } from '../../../../shared/awards';

export interface ResolutionValues {
  outcome: ResolveObjectionBody['outcome'];
  investigation: string;
  resolution: string;
  remedy?: NonNullable<ResolveObjectionBody['remedy']>;
  limit?: string;
}

export function resolutionBody(
  objection: Pick<Objection, 'applicationId'>,
  values: ResolutionValues,
): ResolveObjectionBody {
  const body: ResolveObjectionBody = {
    outcome: values.outcome,
    investigation: values.investigation.trim(),
    resolution: values.resolution.trim(),
  };
  if (values.outcome !== 'upheld' || !objection.applicationId || !values.remedy) return body;
  if (values.remedy === 'remove') return { ...body, remedy: 'remove' };
  return { ...body, remedy: 'reduce', limit: values.limit?.trim() ?? '' };
}
