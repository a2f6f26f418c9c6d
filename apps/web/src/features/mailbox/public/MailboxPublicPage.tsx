import { Alert, Segmented, Skeleton, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { usePublicMailbox } from '../api';
import { PickupPanel } from './PickupPanel';
import { WritePanel } from './WritePanel';

type Mode = 'write' | 'read';

/**
 * 悄悄话信箱: the page a child opens from the poster's QR code or short link, without an account.
 * Everything the child or the counselor wrote is shown as plain text (React escapes it; nothing is
 * turned into a link).
 */
export function MailboxPublicPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const box = usePublicMailbox(code);
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('read') === '1' ? 'read' : 'write';
  const setMode = (m: Mode) => setParams(m === 'read' ? { read: '1' } : {}, { replace: true });
  const [pickupCode, setPickupCode] = useState('');

  const p = (key: string) => t(`wellbeing.mailbox.public.${key}`);
  return (
    <div
      style={{
        minHeight: '100vh',
        boxSizing: 'border-box',
        padding: '12px 16px 32px',
        background: 'linear-gradient(180deg, #fff4e6 0%, #fffaf3 50%, #f6f7f6 100%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', maxWidth: 520, margin: '0 auto' }}>
        <LanguageSwitch />
      </div>
      <main style={{ maxWidth: 520, margin: '8px auto 0', display: 'flex', flexDirection: 'column', gap: 16 }}>
        <header style={{ textAlign: 'center' }}>
          {box.data && (
            <div style={{ color: token.colorTextSecondary, fontSize: 15 }} data-testid="mailbox-school">
              {box.data.schoolName}
            </div>
          )}
          <h1 style={{ margin: '4px 0 8px', fontSize: 32, color: '#d46b08', letterSpacing: 2 }}>{p('title')}</h1>
          <p style={{ margin: 0, fontSize: 16, color: token.colorText }}>{p('lead')}</p>
        </header>

        {box.isPending && <Skeleton active />}
        {box.isError && <Alert type="warning" showIcon title={p('unavailable')} data-testid="mailbox-unavailable" />}
        {box.data && (
          <section
            style={{
              background: token.colorBgContainer,
              borderRadius: token.borderRadiusLG * 1.5,
              boxShadow: '0 6px 24px rgba(212, 107, 8, 0.10)',
              padding: 20,
            }}
          >
            <Segmented<Mode>
              block
              size="large"
              value={mode}
              onChange={setMode}
              options={[
                { value: 'write', label: p('write') },
                { value: 'read', label: p('read') },
              ]}
              style={{ marginBottom: 16 }}
              data-testid="mailbox-mode"
            />
            {mode === 'write' ? (
              <WritePanel code={code} onSent={setPickupCode} />
            ) : (
              <PickupPanel initialCode={pickupCode} />
            )}
          </section>
        )}
        <p style={{ margin: 0, fontSize: 14, color: '#cf1322', textAlign: 'center', fontWeight: 500 }}>{p('danger')}</p>
      </main>
    </div>
  );
}
