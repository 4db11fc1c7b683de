/**
 * The fields of a revocation (撤销认定: the grounds of 002 art. 15, date, revoking document, note), shared by the
 * application's revoke action and the annual review / rectification dialogs. Field names: ground, revokedOn,
 * document, note; `revocationOf` turns them into the API's `revocation` object.
 */
import { Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { RevocationGround } from '../../shared/enums';
import { DatePicker } from './BusinessDatePicker';

export interface RevocationValues {
  ground?: RevocationGround;
  revokedOn?: Dayjs;
  document?: string;
  note?: string;
}

export function revocationOf(v: RevocationValues) {
  return {
    ground: v.ground,
    revokedOn: v.revokedOn?.format('YYYY-MM-DD'),
    document: v.document,
    note: v.note || undefined,
  };
}

export function RevocationFields() {
  return (
    <>
      <Form.Item name="ground" label="撤销情形" rules={[{ required: true, message: '请选择撤销情形' }]}>
        <Select options={RevocationGround.values.map((v) => ({ value: v, label: RevocationGround.labels[v] }))} />
      </Form.Item>
      <Form.Item name="revokedOn" label="撤销日期" rules={[{ required: true, message: '请选择撤销日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="document" label="撤销文号" rules={[{ required: true, message: '请填写撤销文号' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}
