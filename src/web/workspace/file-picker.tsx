// A labelled file chooser that hands over the chosen file's text. Ant Design's Upload with uploading turned
// off: the button is keyboard-usable and described by the field's label, the chosen file's name shows with a
// way to remove it, and the label names the (hidden) file input, so tests find the field by its label.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { useId, useState } from 'react';
import { useT } from '../lib/locale';

export interface PickedFile {
  name: string;
  text: string;
}

export function FilePicker(props: {
  label: string;
  accept: string;
  testId?: string;
  onPick: (file: PickedFile | null) => void;
}) {
  const tr = useT();
  const id = useId();
  const [chosen, setChosen] = useState<UploadFile[]>([]);
  return (
    <div style={{ display: 'grid', gap: 4, marginBottom: 12, justifyItems: 'start' }}>
      <label id={`${id}-label`} htmlFor={id} style={{ fontWeight: 600 }}>
        {props.label}
      </label>
      <Upload
        id={id}
        accept={props.accept}
        maxCount={1}
        fileList={chosen}
        data-testid={props.testId}
        beforeUpload={async (file) => {
          setChosen([{ uid: file.uid, name: file.name, status: 'done' }]);
          props.onPick({ name: file.name, text: await file.text() });
          // Nothing is uploaded: the page sends the parsed content itself.
          return false;
        }}
        onRemove={() => {
          setChosen([]);
          props.onPick(null);
        }}
      >
        <Button icon={<UploadOutlined />} aria-describedby={`${id}-label`}>
          {tr('common.chooseFile')}
        </Button>
      </Upload>
    </div>
  );
}

/** Parses a picked JSON file; the error message is the parser's own, shown next to the file. */
export function parseJson(file: PickedFile): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(file.text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
