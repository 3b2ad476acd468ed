@echo off
rem The kata runner on Windows, the twin of ./kata: `kata` alone enters watch mode on the current kata;
rem `kata --help` lists every command. It needs a JDK 25: JAVA_HOME, or one in the usual install folders.
rem On first use (and whenever the runner's sources change) it builds the runner quietly with mvnw.cmd.
rem Written without parenthesised blocks around paths: a folder such as "katas (1)" would end a block early.
setlocal
set "ROOT=%~dp0"

set "JDK="
if defined JAVA_HOME call :is_jdk25 "%JAVA_HOME%"
if defined JAVA_HOME if not errorlevel 1 set "JDK=%JAVA_HOME%"
if not defined JDK for /d %%J in ("%ProgramFiles%\Eclipse Adoptium\jdk-25*" "%ProgramFiles%\Java\jdk-25*" "%ProgramFiles%\Microsoft\jdk-25*" "%ProgramFiles%\Zulu\zulu-25*" "%ProgramFiles%\Amazon Corretto\jdk25*") do if not defined JDK call :found_jdk "%%~J"
if defined JDK goto have_jdk
echo kata needs a JDK 25 (the current LTS), and found none: JAVA_HOME is "%JAVA_HOME%". 1>&2
echo Install one (for example Eclipse Temurin 25) and point JAVA_HOME at it: 1>&2
echo     set "JAVA_HOME=C:\path\to\jdk-25" 1>&2
exit /b 2

:have_jdk
set "JAVA_HOME=%JDK%"

rem KATA_RUNNER_CP: a ready class path (as in ./kata, to skip the build).
if defined KATA_RUNNER_CP set "CLASSPATH_TO_USE=%KATA_RUNNER_CP%"
if defined KATA_RUNNER_CP goto run

set "TARGET=%ROOT%src\runner\target"
set "STAMP=%TARGET%\kata.built"
set "REBUILD="
if not exist "%STAMP%" set "REBUILD=1"
if not exist "%TARGET%\runner.classpath" set "REBUILD=1"
if defined REBUILD goto build
rem Rebuild when a source of the runner is newer than the last build (./kata does this with find -newer).
set "KATA_ROOT=%ROOT%"
set "KATA_STAMP=%STAMP%"
powershell -NoProfile -NonInteractive -Command "$stamp = (Get-Item -LiteralPath $env:KATA_STAMP).LastWriteTimeUtc; $paths = 'pom.xml', 'src\core', 'src\testkit', 'src\grader', 'src\runner', 'src\fray-jdk' | ForEach-Object { Join-Path $env:KATA_ROOT $_ }; $newer = Get-ChildItem -LiteralPath $paths -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '\\target\\' -and $_.LastWriteTimeUtc -gt $stamp } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }" >nul 2>&1
rem Any failure (no PowerShell, say) counts as "changed": a needless build is safe, a stale runner is not.
if errorlevel 1 goto build
goto classpath

:build
echo Building the kata runner (once, and again when its sources change) ... 1>&2
if not exist "%ROOT%.kata" mkdir "%ROOT%.kata"
pushd "%ROOT%"
call mvnw.cmd -q -B package -DskipTests -pl src/runner -am > "%ROOT%.kata\build.log" 2>&1
if errorlevel 1 goto build_failed
popd
type nul > "%STAMP%"
goto classpath

:build_failed
popd
type "%ROOT%.kata\build.log" 1>&2
echo kata: building the runner failed; the whole log is in "%ROOT%.kata\build.log" 1>&2
exit /b 2

:classpath
rem The class path file is one line of about 6 kB: `for /f` reads it whole (`set /p` would stop at 1023 characters).
set "DEPS="
for /f "usebackq delims=" %%C in ("%TARGET%\runner.classpath") do set "DEPS=%%C"
set "CLASSPATH_TO_USE=%TARGET%\classes;%DEPS%"

:run
rem -XX:TieredStopAtLevel=1 (the JIT's quick tier only), but not to grade: see ./kata.
set "JIT=-XX:TieredStopAtLevel=1"
if /i "%~1"=="grade" set "JIT="
"%JAVA_HOME%\bin\java" -XX:+UseSerialGC %JIT% -Dkata.root="%ROOT%." -cp "%CLASSPATH_TO_USE%" katas.runner.KataCommand %*
exit /b %errorlevel%

:found_jdk
call :is_jdk25 "%~1"
if not errorlevel 1 set "JDK=%~1"
exit /b 0

:is_jdk25
rem Exit code 0 when %1 is a JDK 25 (it has javac, and java -version says "25" or "25.x").
if not exist "%~1\bin\javac.exe" exit /b 1
"%~1\bin\java.exe" -version 2>&1 | findstr /r /c:"\"25[.\"]" >nul
exit /b %errorlevel%
