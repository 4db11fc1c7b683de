/**
 * The objection form inside antd's providers: the publicity pages are built without antd (issue 15), so this module,
 * loaded on the first "提出异议", brings antd, its theme and locale with the form.
 */
import AntdFrame from '../../../app/antd-frame';
import { ObjectionModal, type ObjectionModalProps } from './ObjectionModal';

export default function ObjectionDialog(props: ObjectionModalProps) {
  return (
    <AntdFrame>
      <ObjectionModal {...props} />
    </AntdFrame>
  );
}
