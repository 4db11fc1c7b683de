/**
 * The evidence (佐证材料) of one answer: uploaded attachments and entries of the unit's own ledger, shown as tags
 * that can be removed; "上传" adds a file, "引用台账" picks ledger entries. The server checks that every reference
 * exists and that ledger entries are the unit's own. Files saved with the record are download links (`fileHref`);
 * read-only, the cell only lists the evidence.
 */
import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Space, Tag, Typography, Upload } from 'antd';
import type { AnswerSet, EvidenceRef } from '../../../core/rubric/answers';
import { ACCEPT_ATTRIBUTE } from '../../../shared/attachments';
import { uploadAttachment } from '../../app/upload';
import { AttachmentTag } from '../AttachmentTag';

export interface LedgerOption {
  id: string;
  title: string;
  occurredOn: string;
}

interface EvidenceCellProps {
  /** The rubric node, for labels. */
  nodeId: string;
  evidence: readonly EvidenceRef[];
  ledger: readonly LedgerOption[];
  onChange: (evidence: EvidenceRef[]) => void;
  /** Where a file can be downloaded through the record; undefined for a file not saved with it yet. */
  fileHref?: (sha256: string) => string | undefined;
  /** Lists the evidence without inputs. */
  readOnly?: boolean;
}

/** The hashes of the files cited anywhere in an answer set. */
export function evidenceFiles(answers: AnswerSet | null | undefined): string[] {
  return Object.values(answers ?? {}).flatMap((a) =>
    (a.evidence ?? []).flatMap((e) => (e.type === 'attachment' ? [e.sha256] : [])),
  );
}

const fileLabel = (file: { sha256: string; fileName?: string }) => file.fileName ?? file.sha256.slice(0, 8);

export function EvidenceCell({ nodeId, evidence, ledger, onChange, fileHref, readOnly = false }: EvidenceCellProps) {
  const { message } = App.useApp();
  const byId = new Map(ledger.map((e) => [e.id, e]));
  const ledgerIds = evidence.flatMap((e) => (e.type === 'ledger' ? [e.entryId] : []));
  const files = evidence.filter((e) => e.type === 'attachment');

  if (readOnly) {
    if (evidence.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <Space wrap size={4}>
        {files.map((file) => (
          <AttachmentTag key={file.sha256} fileName={fileLabel(file)} href={fileHref?.(file.sha256)} />
        ))}
        {ledgerIds.map((id) => (
          <Tag key={id} icon={<FileTextOutlined />}>
            {byId.get(id)?.title ?? '台账记录'}
          </Tag>
        ))}
      </Space>
    );
  }
  const setLedger = (ids: string[]) =>
    onChange([...files, ...ids.map((entryId) => ({ type: 'ledger' as const, entryId }))]);

  return (
    <Flex vertical gap={4}>
      <Select
        mode="multiple"
        size="small"
        aria-label={`引用台账 ${nodeId}`}
        placeholder="引用台账记录"
        value={ledgerIds}
        onChange={setLedger}
        options={ledger.map((e) => ({ value: e.id, label: `${e.occurredOn} ${e.title}` }))}
        optionFilterProp="label"
        maxTagTextLength={10}
        style={{ width: '100%' }}
        notFoundContent="本单位暂无台账记录"
        labelRender={({ value }) => byId.get(String(value))?.title ?? '台账记录'}
      />
      <Space wrap size={4}>
        {files.map((file) => (
          <AttachmentTag
            key={file.sha256}
            fileName={fileLabel(file)}
            href={fileHref?.(file.sha256)}
            onClose={() => onChange(evidence.filter((e) => e !== file))}
          />
        ))}
        <Upload
          showUploadList={false}
          accept={ACCEPT_ATTRIBUTE}
          customRequest={({ file, onSuccess, onError }) => {
            uploadAttachment(file as File).then(
              (stored) => {
                onChange([...evidence, { type: 'attachment', sha256: stored.sha256, fileName: stored.fileName }]);
                onSuccess?.(stored);
              },
              (error: Error) => {
                message.error(error.message);
                onError?.(error);
              },
            );
          }}
        >
          <Button size="small" icon={<UploadOutlined />} aria-label={`上传佐证 ${nodeId}`}>
            上传
          </Button>
        </Upload>
      </Space>
    </Flex>
  );
}
