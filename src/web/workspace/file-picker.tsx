// A labelled native file input that hands over the chosen file's text: keyboard-usable and announced by
// screen readers as what it is, unlike a styled drop zone.
import { useId } from 'react';

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
  const id = useId();
  return (
    <div style={{ display: 'grid', gap: 4, marginBottom: 12 }}>
      <label htmlFor={id} style={{ fontWeight: 600 }}>
        {props.label}
      </label>
      <input
        id={id}
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          props.onPick(file ? { name: file.name, text: await file.text() } : null);
        }}
      />
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
