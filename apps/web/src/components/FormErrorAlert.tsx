import { Alert } from 'antd';
import type { ApiError } from '../api/client';

/** The API's message (already in the user's language) above a form; field errors sit on the fields. */
export function FormErrorAlert({ error }: { error: ApiError | null }) {
  if (!error || error.code === 'VERSION_CONFLICT') return null;
  const unplaced = error.details.filter((d) => !d.field);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.message}
      description={
        unplaced.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {unplaced.map((d) => (
              <li key={d.message}>{d.message}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
      data-testid="form-error"
    />
  );
}
