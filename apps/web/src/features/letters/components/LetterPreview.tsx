import type { RenderedLetter } from '@shouwang/shared/letters/merge';
import { Typography } from 'antd';

/** A letter as it will print: centered title, paragraphs indented two characters, signature on the right. */
export function LetterPreview({ letter }: { letter: RenderedLetter }) {
  return (
    <div
      data-testid="letter-preview"
      style={{
        border: '1px solid #d9d9d9',
        borderRadius: 6,
        padding: '16px 18px',
        background: '#fff',
        fontFamily: '"Songti SC", "SimSun", "Noto Serif CJK SC", serif',
        lineHeight: 1.8,
      }}
    >
      <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 0 }}>
        {letter.title}
      </Typography.Title>
      {letter.paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity beyond their place
        <p key={i} style={{ margin: 0, textIndent: p.indent ? '2em' : 0, textAlign: 'justify' }}>
          {p.text}
        </p>
      ))}
      <div style={{ textAlign: 'right', marginTop: 16 }}>
        {letter.signature.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place
          <div key={i}>{line}</div>
        ))}
      </div>
    </div>
  );
}
