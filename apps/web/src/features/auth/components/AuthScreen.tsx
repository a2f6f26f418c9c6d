import { theme } from 'antd';
import type { ReactNode } from 'react';
import { Brand } from '../../../components/Brand';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

/**
 * The calm, centered frame of the sign-in and password pages. Plain elements instead of Card
 * and Typography keep the first download on a cheap phone small.
 */
export function AuthScreen({ title, children, footer }: { title: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        minHeight: '100vh',
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '12px 16px 32px',
        background: 'linear-gradient(180deg, #e8f3ee 0%, #f4f6f5 55%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', width: '100%', maxWidth: 440 }}>
        <LanguageSwitch />
      </div>
      <main
        style={{ display: 'flex', flexDirection: 'column', gap: 24, width: '100%', maxWidth: 440, marginTop: '5vh' }}
      >
        <Brand tagline size="large" />
        <section
          style={{
            background: token.colorBgContainer,
            borderRadius: token.borderRadiusLG * 1.5,
            boxShadow: '0 6px 24px rgba(31, 122, 92, 0.08)',
            padding: 24,
          }}
        >
          <h1 style={{ margin: '0 0 16px', fontSize: 20, fontWeight: 600, color: token.colorTextHeading }}>{title}</h1>
          {children}
        </section>
        {footer && (
          <p style={{ margin: 0, textAlign: 'center', color: token.colorTextSecondary, fontSize: token.fontSize }}>
            {footer}
          </p>
        )}
      </main>
    </div>
  );
}
