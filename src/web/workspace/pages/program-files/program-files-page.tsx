// 程序文件: validate a program file (every error with its JSON path), import it as a new rule version, and
// export a program's current rule version.
import { Alert, Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { useLocale } from '../../../lib/locale';
import { ErrorList } from '../../error-list';
import { FilePicker, type PickedFile, parseJson } from '../../file-picker';
import { PageTitle } from '../../page-title';
import { usePrograms } from '../dashboard/api';
import { downloadJson, exportProgram, useImportProgram, useValidateProgram } from './api';

function ExportCard() {
  const { tr } = useLocale();
  const programs = usePrograms();
  const [code, setCode] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('programFiles.export')}</h2>}>
      <Space wrap>
        <Select
          aria-label={tr('programFiles.exportProgram')}
          placeholder={tr('programFiles.exportProgram')}
          style={{ minWidth: 320 }}
          loading={programs.isPending}
          value={code}
          onChange={(next) => {
            setCode(next);
            setError(null);
          }}
          options={(programs.data ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
        />
        <Button
          disabled={!code}
          loading={busy}
          onClick={async () => {
            if (!code) return;
            setBusy(true);
            setError(null);
            try {
              downloadJson(`${code}.json`, await exportProgram(code));
            } catch (caught) {
              // A program without a rule version has nothing to export; the server says so in its words.
              setError(caught instanceof Error ? caught.message : String(caught));
            } finally {
              setBusy(false);
            }
          }}
        >
          {tr('programFiles.download')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
    </Card>
  );
}

export default function ProgramFilesPage() {
  const { tr } = useLocale();
  const [file, setFile] = useState<PickedFile | null>(null);
  const validate = useValidateProgram();
  const importer = useImportProgram();
  const parsed = file ? parseJson(file) : null;
  const reset = (next: PickedFile | null) => {
    setFile(next);
    validate.reset();
    importer.reset();
  };
  const importError = importer.error instanceof ApiError ? importer.error : null;
  // A file the server found wrong stays wrong: importing it again waits for another file.
  const rejected = validate.data?.ok === false || importError !== null;
  return (
    <>
      <PageTitle>{tr('nav.programFiles')}</PageTitle>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('programFiles.check')}</h2>}>
          <FilePicker
            label={tr('programFiles.file')}
            accept=".json,application/json"
            testId="program-file"
            onPick={reset}
          />
          {parsed && !parsed.ok && (
            <Alert type="error" showIcon title={tr('programFiles.notJson')} description={parsed.error} />
          )}
          <Space style={{ marginTop: 12 }}>
            <Button
              disabled={!parsed?.ok}
              loading={validate.isPending}
              onClick={() => parsed?.ok && validate.mutate(parsed.value)}
            >
              {tr('programFiles.validate')}
            </Button>
            <Button
              type="primary"
              disabled={!parsed?.ok || rejected}
              loading={importer.isPending}
              onClick={() => parsed?.ok && importer.mutate(parsed.value)}
            >
              {tr('programFiles.import')}
            </Button>
          </Space>
          <div role="status" style={{ marginTop: 16 }}>
            {validate.data?.ok && <Alert type="success" showIcon title={tr('programFiles.valid')} />}
            {validate.data && !validate.data.ok && (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={tr('programFiles.invalid', { count: validate.data.errors.length })}
                />
                <ErrorList errors={validate.data.errors} />
              </>
            )}
            {importer.data && (
              <Alert
                type="success"
                showIcon
                title={tr('programFiles.imported', {
                  code: importer.data.code,
                  version: String(importer.data.version),
                })}
              />
            )}
            {importError && (
              <>
                <Alert type="error" showIcon title={importError.message} />
                {importError.details.length > 0 && <ErrorList errors={importError.details} />}
              </>
            )}
          </div>
        </Card>
        <ExportCard />
      </Space>
    </>
  );
}
