/**
 * The evidence (佐证材料) of one answer: uploaded attachments and entries of the unit's own ledger, shown as tags
 * that can be removed; "上传" adds a file, "引用台账" picks ledger entries. The server checks that every reference
 * exists and that ledger entries are the unit's own.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Space, Tag, Upload } from 'antd';
import type { EvidenceRef } from '../../../core/rubric/answers';
import { uploadAttachment } from '../../app/upload';

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
}

export function EvidenceCell({ nodeId, evidence, ledger, onChange }: EvidenceCellProps) {
  const { message } = App.useApp();
  const byId = new Map(ledger.map((e) => [e.id, e]));
  const ledgerIds = evidence.flatMap((e) => (e.type === 'ledger' ? [e.entryId] : []));
  const files = evidence.filter((e) => e.type === 'attachment');
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
          <Tag
            key={file.sha256}
            icon={<PaperClipOutlined />}
            closable
            onClose={() => onChange(evidence.filter((e) => e !== file))}
          >
            {file.fileName ?? file.sha256.slice(0, 8)}
          </Tag>
        ))}
        <Upload
          showUploadList={false}
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
