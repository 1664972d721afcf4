; Field Office installer additions (electron-builder `nsis.include`), ADR 0023.
; An install for all users of the computer (a counter PC) keeps the office store in the machine-wide
; data folder, C:\ProgramData\Field Office. Only the staff accounts in the local group
; "Field Office Users" (added by the IT officer: net localgroup "Field Office Users" <account> /add),
; the administrators and SYSTEM may open it: inheritance from ProgramData (where every user may
; read) is removed. The installing account is added to the group so the first start works.
; Well-known SIDs, so the commands work on a Windows of any language:
;   S-1-5-32-544 Administrators, S-1-5-18 SYSTEM.
; Uninstalling leaves the folder and the group: the office's data is never deleted by an uninstall.

!macro customInstall
  ${if} $installMode == "all"
    ; In an install for all users the shell context is "all": $APPDATA is C:\ProgramData.
    nsExec::ExecToLog 'net localgroup "Field Office Users" /add /comment:"Nhan vien duoc mo Field Office tren may nay"'
    ReadEnvStr $0 USERDOMAIN
    ReadEnvStr $1 USERNAME
    nsExec::ExecToLog 'net localgroup "Field Office Users" "$0\$1" /add'
    CreateDirectory "$APPDATA\Field Office\office"
    CreateDirectory "$APPDATA\Field Office\receipts"
    nsExec::ExecToLog 'icacls "$APPDATA\Field Office" /inheritance:r /grant:r "*S-1-5-32-544:(OI)(CI)F" "*S-1-5-18:(OI)(CI)F" "Field Office Users:(OI)(CI)M"'
  ${endif}
!macroend
