/**
 * One attached file as a tag: a download link when the file can be fetched through its record (`href`), its bare
 * name otherwise (a file just uploaded and not yet saved with the record), removable when `onClose` is given.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Tag } from 'antd';

export function AttachmentTag({ fileName, href, onClose }: { fileName: string; href?: string; onClose?: () => void }) {
  return (
    <Tag icon={<PaperClipOutlined />} closable={onClose !== undefined} onClose={onClose}>
      {href ? (
        <a href={href} download title={`下载 ${fileName}`}>
          {fileName}
        </a>
      ) : (
        fileName
      )}
    </Tag>
  );
}
