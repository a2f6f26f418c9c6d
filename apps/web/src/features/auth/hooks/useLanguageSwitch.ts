import { useTranslation } from 'react-i18next';
import { applyLanguage, notePickedBeforeSignIn, type UiLanguage } from '../../../app/i18n';
import { useMe, useSaveLanguage } from '../api';

/** The UI language and a setter that also saves it to the account when someone is signed in. */
export function useLanguageSwitch() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const save = useSaveLanguage();
  const language: UiLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
  const setLanguage = (next: UiLanguage) => {
    void applyLanguage(next);
    if (!me) notePickedBeforeSignIn(next);
    else if (me.user.language !== next) save.mutate(next);
  };
  return { language, setLanguage };
}
