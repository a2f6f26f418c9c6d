import dayjs, { type Dayjs } from 'dayjs';

/** antd date pickers hold dayjs values; the API takes and gives `YYYY-MM-DD`. */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value?.isValid() ? value.format('YYYY-MM-DD') : null;
}

export function fromIsoDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

/** Empty text fields are sent as null (clears the field), never as ''. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
