/** Small read helpers over a validated programme, for the server, the web and the CLI. */
import type { UnitKind } from '../../shared/enums';
import type { Rubric } from '../rubric/schema';
import { type RubricSummary, rubricSummary } from '../rubric/summary';
import type { ApplicationForm, ApplicationStage, BaseKindOffer, Programme } from './schema';

export function kindById(programme: Programme, kindId: string): BaseKindOffer | undefined {
  return programme.kinds.find((k) => k.id === kindId);
}

export function rubricForKind(programme: Programme, kindId: string): Rubric | undefined {
  const kind = kindById(programme, kindId);
  return kind && programme.rubrics.find((r) => r.id === kind.rubric);
}

export function formForKind(programme: Programme, kindId: string): ApplicationForm | undefined {
  const kind = kindById(programme, kindId);
  return kind && programme.forms.find((f) => f.id === kind.form);
}

/** The kinds of base a unit of this kind may apply for. */
export function kindsOpenTo(programme: Programme, unitKind: UnitKind): BaseKindOffer[] {
  return programme.kinds.filter((k) => k.applicantUnitKinds.includes(unitKind));
}

export function applicationStage(programme: Programme): ApplicationStage | undefined {
  return programme.stages.find((s): s is ApplicationStage => s.kind === 'application');
}

export interface KindSummary {
  id: string;
  name: string;
  category: BaseKindOffer['category'];
  level: BaseKindOffer['level'];
  rubric: RubricSummary;
}

/** Per kind: its rubric's computed maximum total, bonus caps and pass mark (or its checklist size). */
export function kindSummaries(programme: Programme): KindSummary[] {
  return programme.kinds.flatMap((k) => {
    const rubric = rubricForKind(programme, k.id);
    return rubric
      ? [{ id: k.id, name: k.name, category: k.category, level: k.level, rubric: rubricSummary(rubric) }]
      : [];
  });
}
