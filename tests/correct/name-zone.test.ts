/**
 * The personal-name guard (protect.ts nameZone): after a title a name may follow, so a change there is only
 * suggested — but a name starts with a surname (dictionaries/surnames.tsv): after 书记 a character that is no
 * surname starts no name (书记帝头 is 书记带头 misread), while 书记覃思媛 keeps its guard on every character.
 */
import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../pipeline/correct/index.ts';
import { nameZone } from '../../pipeline/correct/protect.ts';

const surnames = loadDictionaries().surnames;
const zone = (text: string, at: string, withSurnames = true) => nameZone(text, text.indexOf(at), undefined, withSurnames ? surnames : undefined);

describe('name zone', () => {
  it.each([
    ['村党组织书记帝头发展产业', '帝', false],
    ['组织书记逛一开展谈话', '逛', false],
    ['对1名干部给予诚勉处理', '诚', false],
    ['联系人：覃思媛', '覃', true],
    ['联系人：覃思媛', '媛', true],
    ['联系人：祁佳妍，联系电话', '妍', true],
    ['县委书记王某某同志', '某', true],
    // before 同志 / 书记 the name is guarded whatever its first character
    ['支郭书记和党员', '郭', true],
  ])('%s at %s: %s', (text, at, want) => {
    expect(zone(text, at)).toBe(want);
  });

  it('without a surname list every character after a title is guarded, as before', () => {
    expect(zone('村党组织书记帝头发展产业', '帝', false)).toBe(true);
  });
});
