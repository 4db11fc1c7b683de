/**
 * 帮助 for the public (no login): the registry, publicity and objections, evidence verification, how programmes run.
 * Built on the public pages' light components (../public/ui), not antd (issue 15); the words are help-texts.ts's,
 * which the workbench's help shows too.
 */
import { APPLICATION_STATUS_LABELS } from '../../../core/applications/transitions';
import { APPLICATION_STATUS_COLORS } from '../applications/components/status-colors';
import { PublicLayout } from '../public/PublicLayout';
import { Card, Table, Tag } from '../public/ui';
import { PUBLIC_HELP, STAGE_ROWS, STAGES_INTRO, STATUS_COLUMNS, STATUS_ROWS } from './help-texts';

export default function PublicHelpPage() {
  return (
    <PublicLayout title="帮助">
      <div className="pub-stack">
        <h1 className="pub-title">帮助</h1>
        {PUBLIC_HELP.map((section) => (
          <Card key={section.title} title={section.title}>
            {section.steps ? (
              <ol className="pub-help-steps">
                {section.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            ) : (
              <p style={{ margin: 0 }}>{section.text}</p>
            )}
          </Card>
        ))}
        <Card title="示范基地是怎样认定的">
          <p style={{ marginTop: 0 }}>{STAGES_INTRO}</p>
          <ol className="pub-vsteps">
            {STAGE_ROWS.map((stage, i) => (
              <li key={stage.kind}>
                <span className="pub-step-mark" aria-hidden="true">
                  {i + 1}
                </span>
                <div>
                  <div className="pub-vstep-title">{stage.title}</div>
                  <div className="pub-secondary">{stage.description}</div>
                </div>
              </li>
            ))}
          </ol>
        </Card>
        <Card title="申报状态说明" data-testid="help-statuses">
          <Table
            label="申报状态说明（可用方向键左右滚动）"
            rows={STATUS_ROWS}
            rowKey={(row) => row.status}
            empty=""
            columns={[
              {
                key: 'status',
                title: STATUS_COLUMNS.status,
                width: 130,
                render: (row) => (
                  <Tag color={APPLICATION_STATUS_COLORS[row.status]}>{APPLICATION_STATUS_LABELS[row.status]}</Tag>
                ),
              },
              { key: 'meaning', title: STATUS_COLUMNS.meaning, render: (row) => row.meaning },
              { key: 'next', title: STATUS_COLUMNS.next, width: 300, render: (row) => row.next },
            ]}
          />
        </Card>
      </div>
    </PublicLayout>
  );
}
