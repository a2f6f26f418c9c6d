import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const faces: { value: number; icon: ReactNode; color: string }[] = [
  { value: 1, icon: <FrownOutlined />, color: '#cf1322' },
  { value: 2, icon: <FrownOutlined />, color: '#d46b08' },
  { value: 3, icon: <MehOutlined />, color: '#d4b106' },
  { value: 4, icon: <SmileOutlined />, color: '#7cb305' },
  { value: 5, icon: <SmileOutlined />, color: '#389e0d' },
];

/** The child's mood 1–5 as five big faces: one tap, thumb-sized targets. */
export function MoodPicker({ value, onChange }: { value?: number; onChange?: (value: number) => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} style={{ maxWidth: 340 }}>
      {faces.map((face) => {
        const selected = value === face.value;
        return (
          <button
            key={face.value}
            type="button"
            aria-pressed={selected}
            data-testid={`mood-${face.value}`}
            onClick={() => onChange?.(face.value)}
            style={{
              flex: '1 1 0',
              minWidth: 0,
              height: 64,
              border: `2px solid ${selected ? face.color : 'rgba(5,5,5,0.1)'}`,
              borderRadius: 12,
              background: selected ? `${face.color}14` : '#fff',
              color: selected ? face.color : 'rgba(0,0,0,0.35)',
              cursor: 'pointer',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              padding: 0,
            }}
          >
            <span style={{ fontSize: 26, lineHeight: 1 }}>{face.icon}</span>
            <Typography.Text style={{ fontSize: 11, color: 'inherit' }}>{t(`care.mood.${face.value}`)}</Typography.Text>
          </button>
        );
      })}
    </Flex>
  );
}
