import { compareUnitNames } from '@shouwang/shared/unit-order';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrgs } from '../api';

/**
 * The school a school-level page looks at, kept in `?school=` so the address can be shared:
 * the schools the user can see (one for a school administrator, many for a county administrator
 * or a township supervisor), the first one by default.
 */
export function useSchoolChoice() {
  const orgs = useOrgs({ kind: 'school' });
  const [params, setParams] = useSearchParams();
  const schools = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.kind === 'school' && o.active)
        .sort((a, b) => compareUnitNames(a.name, b.name))
        .map((o) => ({ value: o.id, label: o.name })),
    [orgs.data],
  );
  const asked = params.get('school');
  const schoolId = schools.some((s) => s.value === asked) ? asked! : schools[0]?.value;
  const setSchoolId = (id: string) =>
    setParams(
      (p) => {
        p.set('school', id);
        return p;
      },
      { replace: true },
    );
  return { schools, schoolId, setSchoolId, loading: orgs.isPending, error: orgs.error };
}

/** A searchable school picker, shown only when there is more than one school to choose from. */
export function SchoolSelect({ choice }: { choice: ReturnType<typeof useSchoolChoice> }) {
  const { t } = useTranslation();
  const { schools, schoolId, setSchoolId } = choice;
  if (schools.length <= 1) return null;
  return (
    <Select
      value={schoolId}
      options={schools}
      onChange={setSchoolId}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 200, maxWidth: '100%' }}
      aria-label={t('careAdmin.school')}
      data-testid="school-select"
    />
  );
}
