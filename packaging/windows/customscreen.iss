; Inno Setup script for CustomScreen on Windows (Inno Setup 6).
;
; Build the one-folder bundle first, on Windows:
;   py -m pip install -e .[bundle]
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\customscreen.spec
; then compile this script from the repository root:
;   iscc packaging\windows\customscreen.iss
; The installer is written to dist\installer\CustomScreen-Setup-<version>.exe.
;
; Per-user install by default (no administrator needed at a small office);
; the dialog offers an all-users install to whoever has the rights.

#define AppName "CustomScreen"
#define AppVersion "0.1.0"
#define AppPublisher "CustomScreen"
#define AppId "fr.customscreen.CustomScreen"
#define BundleDir "..\..\dist\customscreen"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6F3C2D1E-8B4A-4C7E-9E21-5A0B7C9D4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist\installer
OutputBaseFilename=CustomScreen-Setup-{#AppVersion}
SetupIconFile=customscreen.ico
UninstallDisplayIcon={app}\customscreen-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The desk may be running during an upgrade: ask to close it, then restart it.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.StartWithWindows=Démarrer CustomScreen avec Windows
english.StartWithWindows=Start CustomScreen with Windows
french.StartupGroup=Démarrage :
english.StartupGroup=Startup:
french.DeskComment=Identification d'appel et journal des appels
english.DeskComment=Caller ID and call journal
french.Doctor=Diagnostic de CustomScreen
english.Doctor=CustomScreen diagnostics

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
; The receptionist's computer is switched on in the morning and the desk must
; be there before the first call: offered, and ticked, at install.
Name: "startwithwindows"; Description: "{cm:StartWithWindows}"; GroupDescription: "{cm:StartupGroup}"

[Files]
; The whole PyInstaller one-folder bundle: both executables and _internal\.
Source: "{#BundleDir}\customscreen.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\customscreen-desk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "customscreen.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\customscreen-desk.exe"; IconFilename: "{app}\customscreen.ico"; Comment: "{cm:DeskComment}"; AppUserModelID: "{#AppId}"
; The doctor is a console command: keep its window open to read the findings.
Name: "{group}\{cm:Doctor}"; Filename: "{cmd}"; Parameters: "/k ""{app}\customscreen.exe"" doctor"; IconFilename: "{app}\customscreen.ico"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\customscreen-desk.exe"; IconFilename: "{app}\customscreen.ico"; Tasks: desktopicon

[Registry]
; "Start with Windows": the Run key of the user who installs (HKCU in a
; per-user install, HKLM for all users), removed again by the uninstaller.
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\customscreen-desk.exe"""; Flags: uninsdeletevalue; Tasks: startwithwindows

[Run]
Filename: "{app}\customscreen-desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
