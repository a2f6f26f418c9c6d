import { defaultMailboxDangerWords } from '@shouwang/shared';
import { describe, expect, it } from 'vitest';
import { matchDangerWords } from './danger-words';

describe('matchDangerWords', () => {
  it('finds words through spaces, punctuation, full-width forms and letter case', () => {
    expect(matchDangerWords('我真的不 想、活了', defaultMailboxDangerWords)).toEqual(['不想活']);
    expect(matchDangerWords('爸爸喝酒后会打我，我害怕回家。', defaultMailboxDangerWords)).toEqual(['打我', '害怕回家']);
    expect(matchDangerWords('ＳＯＳ help me', ['sos'])).toEqual(['sos']);
  });

  it('leaves ordinary letters alone and ignores empty words', () => {
    expect(matchDangerWords('今天考试考得不错，想妈妈了。', defaultMailboxDangerWords)).toEqual([]);
    expect(matchDangerWords('任何内容', ['', ' 、 '])).toEqual([]);
  });
});
