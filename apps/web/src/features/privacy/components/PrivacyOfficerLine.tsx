import type { Me } from '@shouwang/shared/schemas/auth';
import { Button, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrivacyOfficer } from '../api';
import { AnonymizeButton } from './AnonymizeButton';

/** Its form downloads when a county administrator opens it, not with the home page. */
const OfficerModal = lazy(async () => ({ default: (await import('./OfficerModal')).OfficerModal }));

/** 「个人信息保护负责人：姓名 电话」 of the user's county; county administrators set it here. */
export function PrivacyOfficerLine({ me, editable = false }: { me: Me; editable?: boolean }) {
  const { t } = useTranslation();
  const query = usePrivacyOfficer();
  const officer = query.data?.officer;
  const [editing, setEditing] = useState(false);
  const canSet = editable && me.roles.some((r) => r.role === 'county_admin');
  if (!query.data) return null;
  return (
    <div style={{ fontSize: 12, marginTop: 8 }} data-testid="privacy-officer">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {officer
          ? t('privacy.officer.line', { name: officer.name, phone: officer.phone })
          : t('privacy.officer.notSet')}
      </Typography.Text>
      {canSet && (
        <Button type="link" size="small" onClick={() => setEditing(true)} style={{ paddingInline: 4 }}>
          {t('privacy.officer.set')}
        </Button>
      )}
      {canSet && <AnonymizeButton />}
      {editing && (
        <Suspense fallback={null}>
          <OfficerModal
            initial={{ name: officer?.name, phone: officer?.phone, email: officer?.email ?? undefined }}
            onClose={() => setEditing(false)}
          />
        </Suspense>
      )}
    </div>
  );
}
