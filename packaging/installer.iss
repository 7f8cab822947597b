; Inno Setup 6 script of the Komisja installer (Windows, per user, no administrator rights).
;
;   python packaging\build.py --installer        builds dist\Komisja, then runs this script
;   iscc /DAppVersion=0.1.0 packaging\installer.iss   (after build.py) does the same by hand
;
; What it does:
; - installs dist\Komisja into %LOCALAPPDATA%\Programs\Komisja for the current user only
;   (PrivilegesRequired=lowest); IT can still install for all users with /ALLUSERS;
; - a Start menu entry (and optionally a desktop one) for the windowed komisja-gui.exe;
; - file associations, per user (HKCU\Software\Classes): evaluator packages (.komisja) and
;   their signed returns (.komisja-return) open in Komisja; Komisja is added to the "Open with"
;   list of PDF files (protocols) without taking PDF files over from the PDF reader;
; - an uninstaller that removes the program and the associations but keeps the user's data
;   (the database, settings and logs in %LOCALAPPDATA%\Komisja), and says so.
; The portable build for USB sticks is not an installer: build.py --portable makes a zip with
; portable.txt beside the program, which keeps the data in a "data" folder next to it.

#define AppName "Komisja"
#define GuiExe "komisja-gui.exe"
#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\dist\Komisja"
#endif
#ifndef AppVersion
  ; build.py passes the version of pyproject.toml; by hand, take the one stamped in the exe
  #define AppVersion GetVersionNumbersString(AddBackslash(DistDir) + GuiExe)
#endif

[Setup]
; The AppId identifies Komisja for upgrades and the uninstaller: never change it.
AppId={{5C1E7F0A-3B7D-4E52-9A51-6F0C2D8B4A17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Komisja
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
OutputDir={#DistDir}\..
OutputBaseFilename=Komisja-{#AppVersion}-setup
SetupIconFile=..\resources\icons\komisja.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "pl"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
pl.AssociateTask=Otwieraj pakiety oceniającego (.komisja) i pliki zwrotne (.komisja-return) w programie Komisja
en.AssociateTask=Open evaluator packages (.komisja) and return files (.komisja-return) with Komisja
pl.PackageType=Pakiet oceniającego (Komisja)
en.PackageType=Evaluator package (Komisja)
pl.ReturnType=Plik zwrotny ocen (Komisja)
en.ReturnType=Returned scores (Komisja)
pl.ProtocolType=Protokół komisji konkursowej (Komisja)
en.ProtocolType=Committee protocol (Komisja)
pl.CommandLine=Wiersz poleceń Komisji
en.CommandLine=Komisja command line
pl.DataKept=Program został usunięty. Dane (bazy konkursów, ustawienia, dziennik) pozostały w folderze:%n%n%1%n%nUsuń go ręcznie, jeśli nie są już potrzebne.
en.DataKept=Komisja has been removed. Its data (competition databases, settings, log) were kept in:%n%n%1%n%nDelete that folder yourself if you no longer need them.

[Tasks]
Name: "associate"; Description: "{cm:AssociateTask}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version replaces the whole bundle folder, so no stale library of the old one remains.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Excludes: "portable.txt,\data"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k komisja.exe --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; HKA is HKCU\Software\Classes for a per-user install, HKLM for /ALLUSERS.
; Evaluator package: Komisja owns the extension.
Root: HKA; Subkey: "Software\Classes\.komisja"; ValueType: string; ValueName: ""; ValueData: "Komisja.EvaluatorPackage"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.komisja\OpenWithProgids"; ValueType: string; ValueName: "Komisja.EvaluatorPackage"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Komisja.EvaluatorPackage"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Komisja.EvaluatorPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"",0"
Root: HKA; Subkey: "Software\Classes\Komisja.EvaluatorPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
; Signed return of a package (the office imports it).
Root: HKA; Subkey: "Software\Classes\.komisja-return"; ValueType: string; ValueName: ""; ValueData: "Komisja.PackageReturn"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.komisja-return\OpenWithProgids"; ValueType: string; ValueName: "Komisja.PackageReturn"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Komisja.PackageReturn"; ValueType: string; ValueName: ""; ValueData: "{cm:ReturnType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Komisja.PackageReturn\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"",0"
Root: HKA; Subkey: "Software\Classes\Komisja.PackageReturn\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
; Protocols are PDF files: offered under "Open with", never made the default for PDF.
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "Komisja.Protocol"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Komisja.Protocol"; ValueType: string; ValueName: ""; ValueData: "{cm:ProtocolType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Komisja.Protocol\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"",0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Komisja.Protocol\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: associate
; "Open with" shows the program under its name and only for its own types.
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".komisja"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".komisja-return"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
; "komisja" in the Run dialog and in scripts that call it by name.
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\komisja.exe"; ValueType: string; ValueName: ""; ValueData: "{app}\komisja.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\komisja.exe"; ValueType: string; ValueName: "Path"; ValueData: "{app}"

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] on purpose: the data folder is not under {app} and is never removed.

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\Komisja');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
