import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { brandColor } from '../app/theme';

/**
 * The 守望 mark and name; `tagline` adds the one-line promise under it. Plain elements, not
 * Typography: this sits on the sign-in page, which must stay a small download.
 */
export function Brand({ tagline = false, size = 'medium' }: { tagline?: boolean; size?: 'medium' | 'large' }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const large = size === 'large';
  const mark = large ? 48 : 32;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: large ? 14 : 10, minWidth: 0 }}>
      <svg width={mark} height={mark} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none' }}>
        <rect width="64" height="64" rx="14" fill={brandColor} />
        <path d="M32 50s-16-9.5-16-22a9 9 0 0 1 16-5.6A9 9 0 0 1 48 28c0 12.5-16 22-16 22z" fill="#fff" />
      </svg>
      <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <span style={{ fontSize: large ? 26 : 18, fontWeight: 600, lineHeight: 1.25, color: token.colorText }}>
          {t('app.name')}
        </span>
        {tagline && (
          <span style={{ fontSize: large ? 14 : 12, color: token.colorTextSecondary, lineHeight: 1.4 }}>
            {t('app.tagline')}
          </span>
        )}
      </div>
    </div>
  );
}
